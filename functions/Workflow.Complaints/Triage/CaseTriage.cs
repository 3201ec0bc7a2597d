using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Triage;

/// <summary>
/// Severity, escalation level and routing of a new case (SPEC section 2). A pure function of its
/// input and the configured rules, so the orchestrator may call it during replay.
/// </summary>
public sealed class CaseTriage(IOptions<TriageOptions> options)
{
    private readonly TriageOptions _options = options.Value;

    /// <summary>Triage a case.</summary>
    public TriageResult Assess(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var reasons = new List<TriageReason>();
        var severity = AssessSeverity(input, reasons);
        var level = AssessLevel(input, reasons);
        var department = Route(input, level, reasons);
        return new TriageResult(severity, level, department, IsStaffComplaint(input), reasons);
    }

    /// <summary>Whether the other-cases count makes this case a repeat.</summary>
    public bool IsRepeat(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.RecentCaseCount >= _options.RepeatCaseThreshold;
    }

    private Severity AssessSeverity(TriageInput input, List<TriageReason> reasons)
    {
        var keywords = _options.Keywords;
        var critical = AddIfMatched(reasons, TriageRules.Outage, keywords.Outage, input)
            | AddIfMatched(reasons, TriageRules.Safety, keywords.Safety, input)
            | AddIfMatched(reasons, TriageRules.Emergency, keywords.Emergency, input);

        var urgent = AddIfMatched(reasons, TriageRules.FinancialLoss, keywords.FinancialLoss, input);
        if (!urgent && IsMonetaryRequest(input) && input.RequestAmount > 0)
        {
            reasons.Add(new TriageReason(TriageRules.FinancialLoss, Amount(input)));
            urgent = true;
        }

        urgent |= AddIfMatched(reasons, TriageRules.CustomerDeadline, keywords.CustomerDeadline, input);
        if (IsRepeat(input))
        {
            reasons.Add(new TriageReason(TriageRules.RepeatUnresolved, $"{input.RecentCaseCount} other open or recent case(s)"));
            urgent = true;
        }

        return critical ? Severity.Critical : urgent ? Severity.Urgent : Severity.Normal;
    }

    private EscalationLevel AssessLevel(TriageInput input, List<TriageReason> reasons)
    {
        var keywords = _options.Keywords;
        var level2 = false;
        if (IsMonetaryRequest(input) && input.RequestAmount > _options.HighCompensationAmount)
        {
            reasons.Add(new TriageReason(TriageRules.HighCompensation, Amount(input)));
            level2 = true;
        }

        level2 |= AddIfMatched(reasons, TriageRules.LegalRisk, keywords.LegalRisk, input);
        level2 |= AddIfMatched(reasons, TriageRules.PublicOpinion, keywords.PublicOpinion, input);

        var level1 = false;
        if (IsRepeat(input))
        {
            reasons.Add(new TriageReason(TriageRules.RepeatCase, $"{input.RecentCaseCount} other open or recent case(s)"));
            level1 = true;
        }

        if (input.ReportedHighlyEmotional)
        {
            reasons.Add(new TriageReason(TriageRules.HighlyEmotional, "reported at intake"));
            level1 = true;
        }
        else
        {
            level1 |= AddIfMatched(reasons, TriageRules.HighlyEmotional, keywords.HighlyEmotional, input);
        }

        return level2 ? EscalationLevel.Level2 : level1 ? EscalationLevel.Level1 : EscalationLevel.None;
    }

    private string Route(TriageInput input, EscalationLevel level, List<TriageReason> reasons)
    {
        if (IsStaffComplaint(input))
        {
            reasons.Add(new TriageReason(TriageRules.RoutingStaff, _options.StaffComplaintDepartment));
            return _options.StaffComplaintDepartment;
        }

        if (level == EscalationLevel.Level1 && _options.RouteLevel1ToSeniorTeam)
        {
            reasons.Add(new TriageReason(TriageRules.RoutingSenior, _options.SeniorComplaintsDepartment));
            return _options.SeniorComplaintsDepartment;
        }

        for (var i = 0; i < _options.Routing.Count; i++)
        {
            var rule = _options.Routing[i];
            if (Matches(rule, input, out var keyword))
            {
                var detail = keyword is null ? $"rule {i} → {rule.Department}" : $"rule {i} ({keyword}) → {rule.Department}";
                reasons.Add(new TriageReason(TriageRules.RoutingRule, detail));
                return rule.Department;
            }
        }

        reasons.Add(new TriageReason(TriageRules.RoutingDefault, _options.DefaultDepartment));
        return _options.DefaultDepartment;
    }

    // Only a complaint about a staff member takes the duty-team path; an inquiry naming one does not.
    private static bool IsStaffComplaint(TriageInput input) => input.IsAboutStaff && input.Type == CaseType.Complaint;

    private static bool Matches(RoutingRuleOptions rule, TriageInput input, out string? keyword)
    {
        keyword = null;
        if (!string.IsNullOrWhiteSpace(rule.Type)
            && (!CaseTypeNames.TryParse(rule.Type, out var type) || type != input.Type))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(rule.Product)
            && (input.Product is null || !input.Product.Contains(rule.Product.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (rule.Keywords.Count == 0)
        {
            return true;
        }

        keyword = KeywordMatcher.FirstMatch(rule.Keywords, input.Description, input.Product);
        return keyword is not null;
    }

    private bool IsMonetaryRequest(TriageInput input) =>
        input.RequestKind is not null
        && _options.MonetaryRequestKinds.Contains(input.RequestKind.Trim(), StringComparer.OrdinalIgnoreCase);

    private static string Amount(TriageInput input) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{input.RequestKind} {input.RequestAmount} {input.RequestCurrency}").TrimEnd();

    private static bool AddIfMatched(List<TriageReason> reasons, string rule, List<string> keywords, TriageInput input)
    {
        var keyword = KeywordMatcher.FirstMatch(keywords, input.Description, input.Product);
        if (keyword is null)
        {
            return false;
        }

        reasons.Add(new TriageReason(rule, keyword));
        return true;
    }
}
