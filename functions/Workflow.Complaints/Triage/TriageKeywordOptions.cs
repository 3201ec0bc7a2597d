namespace Workflow.Complaints.Triage;

/// <summary>
/// Keyword lists for the severity and level rules, bound from <c>Triage:Keywords</c>. Matching is
/// case-insensitive; a keyword that begins or ends with a Latin letter must stand as a word
/// (so "court" does not match "courteous"), Chinese keywords match anywhere.
/// </summary>
public sealed class TriageKeywordOptions
{
    /// <summary>Service outage (critical), e.g. 停电, 断网, 无法使用, outage.</summary>
    public List<string> Outage { get; set; } = [];

    /// <summary>Safety risk (critical), e.g. 安全, 起火, injury.</summary>
    public List<string> Safety { get; set; } = [];

    /// <summary>Explicit emergency (critical), e.g. 紧急, emergency.</summary>
    public List<string> Emergency { get; set; } = [];

    /// <summary>Financial loss (urgent), e.g. 损失, 多扣, overcharged.</summary>
    public List<string> FinancialLoss { get; set; } = [];

    /// <summary>A deadline of the customer's own (urgent), e.g. 截止, deadline.</summary>
    public List<string> CustomerDeadline { get; set; } = [];

    /// <summary>Highly emotional (level 1), e.g. 气死, furious.</summary>
    public List<string> HighlyEmotional { get; set; } = [];

    /// <summary>Legal risk (level 2): lawyer, lawsuit, court, regulator, consumer association; 律师, 起诉, 法院, 12315, 消协.</summary>
    public List<string> LegalRisk { get; set; } = [];

    /// <summary>Public-opinion risk (level 2): media, exposure, social-media threat; 媒体, 曝光, 微博.</summary>
    public List<string> PublicOpinion { get; set; } = [];
}
