using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Every situation needs wording in the default language, using only known placeholders.</summary>
internal sealed class ResponseTemplateOptionsValidator : IValidateOptions<ResponseTemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, ResponseTemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DeadlineFormat))
        {
            failures.Add("ResponseTemplates:DeadlineFormat is required.");
        }

        foreach (var situation in Enum.GetValues<ResponseSituation>())
        {
            if (!options.Templates.TryGetValue(situation, out var byLanguage)
                || !byLanguage.TryGetValue(options.DefaultLanguage, out var text)
                || string.IsNullOrWhiteSpace(text))
            {
                failures.Add($"ResponseTemplates:Templates:{situation} needs wording in '{options.DefaultLanguage}'.");
            }
        }

        foreach (var (situation, byLanguage) in options.Templates)
        {
            foreach (var (language, text) in byLanguage)
            {
                foreach (var unknown in ResponseTemplates.UnknownPlaceholders(text))
                {
                    failures.Add($"ResponseTemplates:Templates:{situation}:{language} uses unknown placeholder {{{unknown}}}.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
