namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// Approved wording, bound from <c>ResponseTemplates</c>: <c>Templates:{situation}:{language}</c>.
/// Placeholders: <c>{caseNumber}</c>, <c>{department}</c>, <c>{deadline}</c>, <c>{remedy}</c>.
/// </summary>
public sealed class ResponseTemplateOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ResponseTemplates";

    /// <summary>Language used when the case's language has no wording.</summary>
    public string DefaultLanguage { get; set; } = "";

    /// <summary>Wording by situation, then by language tag (<c>zh-CN</c>, <c>en</c>).</summary>
    public Dictionary<ResponseSituation, Dictionary<string, string>> Templates { get; set; } = [];

    /// <summary>How a deadline is written into a message, in the region's local time.</summary>
    public string DeadlineFormat { get; set; } = "";
}
