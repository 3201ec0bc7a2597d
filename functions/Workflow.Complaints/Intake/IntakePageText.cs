namespace Workflow.Complaints.Intake;

/// <summary>The intake page's words in its two languages (<c>zh-CN</c>, <c>en</c>).</summary>
internal static class IntakePageText
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparator)
    {
        ["title"] = "投诉与建议",
        ["intro"] = "请填写以下信息。我们会通过短信告知受理编号、处理进度和结果。",
        ["customerName"] = "您的姓名",
        ["phone"] = "手机号码",
        ["phoneHint"] = "用于接收短信通知，例如 139 0000 0000",
        ["type"] = "类型",
        ["type.complaint"] = "投诉",
        ["type.inquiry"] = "咨询",
        ["type.service-request"] = "业务办理（退款、变更、维修）",
        ["type.suggestion"] = "建议",
        ["description"] = "情况说明",
        ["descriptionHint"] = "请说明发生了什么、何时何地（10-{0} 字）",
        ["product"] = "涉及的产品或服务（选填）",
        ["location"] = "发生地点（选填）",
        ["request.kind"] = "您的诉求（选填）",
        ["request.none"] = "—",
        ["request.refund"] = "退款",
        ["request.repair"] = "维修",
        ["request.replacement"] = "更换",
        ["request.explanation"] = "解释说明",
        ["request.compensation"] = "赔偿",
        ["request.other"] = "其他",
        ["request.amount"] = "金额（选填）",
        ["evidence"] = "订单号或凭证编号（选填）",
        ["aboutStaff"] = "涉及的工作人员或工号（选填）",
        ["submit"] = "提交",
        ["errors"] = "请更正标出的内容后重新提交。",
        ["accepted"] = "已受理",
        ["caseNumber"] = "您的受理编号",
        ["next"] = "接下来：",
        ["next1"] = "您将收到一条确认短信，其中包含受理编号和我们答复的时限。",
        ["next2"] = "我们会将您的问题转交相关部门处理，并通过短信告知进展。",
        ["next3"] = "处理完成后，我们会请您对处理结果进行评价。",
        ["progress"] = "查看处理进度",
        ["other"] = "English",
        ["privacy"] = "您的手机号码仅用于短信通知，其他场合只显示后四位。",
    };

    private static readonly Dictionary<string, string> English = new(StringComparator)
    {
        ["title"] = "Complaints and suggestions",
        ["intro"] = "Please fill in the form. We will text you the case number, progress and outcome.",
        ["customerName"] = "Your name",
        ["phone"] = "Mobile number",
        ["phoneHint"] = "For SMS updates, e.g. 139 0000 0000 or +86 139 0000 0000",
        ["type"] = "Type",
        ["type.complaint"] = "Complaint",
        ["type.inquiry"] = "Question",
        ["type.service-request"] = "Service request (refund, change, repair)",
        ["type.suggestion"] = "Suggestion",
        ["description"] = "What happened",
        ["descriptionHint"] = "What happened, when and where (10-{0} characters)",
        ["product"] = "Product or service involved (optional)",
        ["location"] = "Where it happened (optional)",
        ["request.kind"] = "What you ask for (optional)",
        ["request.none"] = "—",
        ["request.refund"] = "Refund",
        ["request.repair"] = "Repair",
        ["request.replacement"] = "Replacement",
        ["request.explanation"] = "Explanation",
        ["request.compensation"] = "Compensation",
        ["request.other"] = "Other",
        ["request.amount"] = "Amount (optional)",
        ["evidence"] = "Order or receipt number (optional)",
        ["aboutStaff"] = "Staff member or staff number involved (optional)",
        ["submit"] = "Submit",
        ["errors"] = "Please correct the marked fields and submit again.",
        ["accepted"] = "Received",
        ["caseNumber"] = "Your case number",
        ["next"] = "What happens next:",
        ["next1"] = "You will get an SMS confirming the case number and the time by which we will reply.",
        ["next2"] = "We pass your case to the department concerned and text you about its progress.",
        ["next3"] = "When it is resolved, we will ask you how satisfied you are.",
        ["progress"] = "Check progress",
        ["other"] = "中文",
        ["privacy"] = "Your number is used only for SMS; elsewhere only its last four digits are shown.",
    };

    private static StringComparer StringComparator => StringComparer.Ordinal;

    /// <summary>The text with id <paramref name="id"/> in <paramref name="language"/>.</summary>
    public static string Get(string language, string id) =>
        (language == "en" ? English : Chinese).TryGetValue(id, out var text) ? text : id;
}
