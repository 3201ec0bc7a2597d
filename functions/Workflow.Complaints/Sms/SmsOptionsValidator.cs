using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>Refuses at start-up a connection string that does not parse or a provider without a sender.</summary>
internal sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (!AcsConnectionString.TryParse(options.ConnectionString, out _, out var error))
            {
                failures.Add($"Sms:ConnectionString: {error}");
            }

            if (string.IsNullOrWhiteSpace(options.From))
            {
                failures.Add("Sms:From is required when Sms:ConnectionString is set.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            failures.Add("Sms:ApiVersion must not be empty.");
        }

        if (options.MaxRetries < 0 || options.RetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add("Sms:MaxRetries must be >= 0 and 0 <= Sms:RetryDelay <= Sms:MaxRetryDelay.");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add("Sms:NetworkTimeout must be positive.");
        }

        if (options.Inbound.ClaimTimeout <= TimeSpan.Zero)
        {
            failures.Add("Sms:Inbound:ClaimTimeout must be positive.");
        }

        if (options.Inbound.SurveyLookBack <= TimeSpan.Zero)
        {
            failures.Add("Sms:Inbound:SurveyLookBack must be positive.");
        }

        var entra = options.Inbound.Entra;
        if (entra.Enabled && !Uri.TryCreate(entra.Authority, UriKind.Absolute, out _))
        {
            failures.Add("Sms:Inbound:Entra:Authority must be an absolute URI (https://login.microsoftonline.com/{tenant}/v2.0).");
        }

        if (entra.Enabled != !string.IsNullOrWhiteSpace(entra.Audience))
        {
            failures.Add("Sms:Inbound:Entra:Authority and Sms:Inbound:Entra:Audience are set together or not at all.");
        }

        if (!entra.Enabled && (entra.Issuers.Count > 0 || entra.AllowedAppIds.Count > 0))
        {
            failures.Add("Sms:Inbound:Entra:Issuers and AllowedAppIds need Sms:Inbound:Entra:Authority.");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(options.TablePrefix, "^([A-Za-z][A-Za-z0-9]{0,30})?$"))
        {
            failures.Add("Sms:TablePrefix must be a letter followed by up to 30 letters or digits.");
        }

        if (SmsLanguages.Match(options.DefaultLanguage) is null)
        {
            failures.Add("Sms:DefaultLanguage must be zh-CN or en.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
