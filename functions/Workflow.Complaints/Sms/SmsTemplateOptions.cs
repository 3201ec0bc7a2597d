using Microsoft.Extensions.Configuration;

namespace Workflow.Complaints.Sms;

/// <summary>Configuration section <c>Sms:Templates</c>: the text of every SMS, per step and language (<c>Sms:Templates:survey:en</c>).</summary>
public sealed class SmsTemplateOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sms:Templates";

    /// <summary>The most SMS segments a template may take when rendered with typical values (checked at start-up).</summary>
    public int MaxSegments { get; set; } = 2;

    /// <summary>The case was received; says when staff are back when it arrives out of hours.</summary>
    [ConfigurationKeyName(SmsSteps.Acknowledgement)]
    public SmsTemplate Acknowledgement { get; set; } = new(
        "【投诉受理】您的投诉已受理，编号{caseNumber}，我们将于{deadline}前回复您。[[现为非工作时间，工作人员{backAt}起处理。]]",
        "We have received your complaint, case {caseNumber}, and will reply by {deadline}.[[ We are closed now; staff are back at {backAt}.]]");

    /// <summary>A case without a customer-facing clock (a suggestion) was received: no promised time to name.</summary>
    [ConfigurationKeyName(SmsSteps.SuggestionAcknowledgement)]
    public SmsTemplate SuggestionAcknowledgement { get; set; } = new(
        "【建议受理】感谢您的建议，编号{caseNumber}，我们会将其纳入每周的产品与服务改进汇总。[[现为非工作时间，工作人员{backAt}起处理。]]",
        "Thank you for your suggestion, case {caseNumber}. It goes into our weekly product and service review.[[ We are closed now; staff are back at {backAt}.]]");

    /// <summary>The case went to a department with a promised time.</summary>
    [ConfigurationKeyName(SmsSteps.Forwarded)]
    public SmsTemplate Forwarded { get; set; } = new(
        "【投诉进展】案件{caseNumber}已转交{department}处理，承诺于{deadline}前答复您。回复TD退订",
        "Case {caseNumber} has been passed to {department}, who will reply by {deadline}. Reply STOP to opt out.");

    /// <summary>Staff need more information (the clocks are paused, so there is usually no time to name).</summary>
    [ConfigurationKeyName(SmsSteps.InformationRequest)]
    public SmsTemplate InformationRequest { get; set; } = new(
        "【投诉进展】处理案件{caseNumber}需要您补充信息，请[[于{deadline}前]]回复本短信或致电客服。回复TD退订",
        "To handle case {caseNumber} we need more information. Please reply to this SMS or call us[[ by {deadline}]]. Reply STOP to opt out.");

    /// <summary>The periodic progress message.</summary>
    [ConfigurationKeyName(SmsSteps.Progress)]
    public SmsTemplate Progress { get; set; } = new(
        "【投诉进展】案件{caseNumber}正由{department}处理中，预计{deadline}前答复，感谢您的耐心等待。回复TD退订",
        "Case {caseNumber} is still being handled by {department}; expect an answer by {deadline}. Thank you for your patience. Reply STOP to opt out.");

    /// <summary>The apology after a missed deadline.</summary>
    [ConfigurationKeyName(SmsSteps.DelayApology)]
    public SmsTemplate DelayApology { get; set; } = new(
        "【致歉】很抱歉，案件{caseNumber}未能按时处理完毕，我们已加急督办，将于{deadline}前答复您。回复TD退订",
        "We are sorry: case {caseNumber} was not handled on time. It has been escalated and we will reply by {deadline}. Reply STOP to opt out.");

    /// <summary>The resolution.</summary>
    [ConfigurationKeyName(SmsSteps.Resolution)]
    public SmsTemplate Resolution { get; set; } = new(
        "【处理结果】案件{caseNumber}已处理完毕：{remedy}。如有疑问请直接回复本短信。",
        "Case {caseNumber} has been resolved: {remedy}. Reply to this SMS if you have any questions.");

    /// <summary>The satisfaction survey.</summary>
    [ConfigurationKeyName(SmsSteps.Survey)]
    public SmsTemplate Survey { get; set; } = new(
        "【满意度调查】请为案件{caseNumber}的处理打分：回复1-5（5为非常满意），或回复满意/基本满意/不满意。回复TD退订",
        "How satisfied are you with how case {caseNumber} was handled? Reply with a score from 1 (poor) to 5 (very satisfied). Reply STOP to opt out.");

    /// <summary>The one survey reminder.</summary>
    [ConfigurationKeyName(SmsSteps.SurveyReminder)]
    public SmsTemplate SurveyReminder { get; set; } = new(
        "【满意度调查】您尚未评价案件{caseNumber}的处理，回复1-5分（5为非常满意）即可完成评价。回复TD退订",
        "Reminder: please rate how case {caseNumber} was handled by replying 1 to 5 (5 = very satisfied). Reply STOP to opt out.");

    /// <summary>A supervisor's final decision.</summary>
    [ConfigurationKeyName(SmsSteps.FinalDecision)]
    public SmsTemplate FinalDecision { get; set; } = new(
        "【最终处理意见】案件{caseNumber}：{remedy}。此为最终处理意见，案件已办结。",
        "Final decision on case {caseNumber}: {remedy}. This decision is final and the case is now closed.");

    /// <summary>The reply to STOP.</summary>
    [ConfigurationKeyName(SmsSteps.OptOutConfirmation)]
    public SmsTemplate OptOutConfirmation { get; set; } = new(
        "您已退订通知短信，受理、处理结果等必要的服务短信仍会发送。回复START可重新订阅。",
        "You have opted out of notification SMS. Essential messages about your case may still be sent. Reply START to opt in again.");

    /// <summary>The reply to a message the service could not use.</summary>
    [ConfigurationKeyName(SmsSteps.Help)]
    public SmsTemplate Help { get; set; } = new(
        "【投诉服务】未能识别您的回复。评价请回复1-5分，退订请回复TD，其他问题请致电客服热线。",
        "Sorry, we could not read your reply. To rate your case reply 1 to 5; to opt out reply STOP. For anything else please call us.");

    /// <summary>The template of <paramref name="step"/>, or null for an unknown step.</summary>
    public SmsTemplate? For(string step) => step switch
    {
        SmsSteps.Acknowledgement => Acknowledgement,
        SmsSteps.SuggestionAcknowledgement => SuggestionAcknowledgement,
        SmsSteps.Forwarded => Forwarded,
        SmsSteps.InformationRequest => InformationRequest,
        SmsSteps.Progress => Progress,
        SmsSteps.DelayApology => DelayApology,
        SmsSteps.Resolution => Resolution,
        SmsSteps.Survey => Survey,
        SmsSteps.SurveyReminder => SurveyReminder,
        SmsSteps.FinalDecision => FinalDecision,
        SmsSteps.OptOutConfirmation => OptOutConfirmation,
        SmsSteps.Help => Help,
        _ => null,
    };
}
