using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Triage;

/// <summary>Refuses a triage configuration that cannot route or detect anything, at start-up.</summary>
internal sealed class TriageOptionsValidator : IValidateOptions<TriageOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RepeatWindow <= TimeSpan.Zero)
        {
            failures.Add("Triage:RepeatWindow must be positive.");
        }

        if (options.RepeatCaseThreshold < 1)
        {
            failures.Add("Triage:RepeatCaseThreshold must be at least 1.");
        }

        if (options.HighCompensationAmount <= 0)
        {
            failures.Add("Triage:HighCompensationAmount must be positive.");
        }

        foreach (var (label, value) in new[]
        {
            ("DefaultDepartment", options.DefaultDepartment),
            ("StaffComplaintDepartment", options.StaffComplaintDepartment),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"Triage:{label} is required.");
            }
        }

        if (options.RouteLevel1ToSeniorTeam && string.IsNullOrWhiteSpace(options.SeniorComplaintsDepartment))
        {
            failures.Add("Triage:SeniorComplaintsDepartment is required while RouteLevel1ToSeniorTeam is on.");
        }

        var keywords = options.Keywords;
        foreach (var (label, list) in new[]
        {
            ("Outage", keywords.Outage), ("Safety", keywords.Safety), ("Emergency", keywords.Emergency),
            ("FinancialLoss", keywords.FinancialLoss), ("CustomerDeadline", keywords.CustomerDeadline),
            ("HighlyEmotional", keywords.HighlyEmotional), ("LegalRisk", keywords.LegalRisk),
            ("PublicOpinion", keywords.PublicOpinion),
        })
        {
            if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Triage:Keywords:{label} needs at least one keyword and no empty entries.");
            }
        }

        for (var i = 0; i < options.Routing.Count; i++)
        {
            var rule = options.Routing[i];
            if (string.IsNullOrWhiteSpace(rule.Department))
            {
                failures.Add($"Triage:Routing:{i}:Department is required.");
            }

            if (!string.IsNullOrWhiteSpace(rule.Type) && !CaseTypeNames.TryParse(rule.Type, out _))
            {
                failures.Add($"Triage:Routing:{i}:Type '{rule.Type}' is not a case type.");
            }

            if (rule.Keywords.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Triage:Routing:{i}:Keywords has an empty entry.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
