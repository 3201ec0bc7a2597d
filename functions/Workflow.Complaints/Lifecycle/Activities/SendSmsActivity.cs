using System.Globalization;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Sms;
using Workflow.Durable;

namespace Workflow.Complaints.Lifecycle.Activities;

/// <summary>
/// Renders a step's template in the case's language and sends it through <see cref="ISmsSender"/>.
/// The customer's number is looked up here, so it never enters orchestration history.
/// </summary>
public sealed class SendSmsActivity(
    ICaseRecorder recorder,
    ISmsSender sender,
    SmsTemplateRenderer renderer,
    BusinessCalendars calendars,
    IOptions<ResponseTemplateOptions> formats) : TaskActivity<SmsRequest, SmsSendStatus>
{
    /// <inheritdoc />
    public override async Task<SmsSendStatus> RunAsync(TaskActivityContext context, SmsRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var contact = await recorder.GetContactAsync(input.CaseNumber, context.CancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.CaseNumber} is not recorded; no number to send to.");
        var zone = calendars.For(contact.Region).TimeZone;
        var values = new SmsTemplateValues(
            input.CaseNumber,
            input.Department,
            Format(input.Deadline, zone),
            input.Remedy,
            Format(input.BackAt, zone));
        var body = renderer.Render(input.Step, contact.Language, values);
        var message = new SmsMessage(contact.Phone, body, input.CaseNumber, input.MessageStep, SmsSteps.IsEssential(input.Step));
        var result = await sender.SendAsync(message, context.CancellationToken).ConfigureAwait(false);
        return result.Status;
    }

    private string? Format(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString(formats.Value.DeadlineFormat, CultureInfo.InvariantCulture) : null;
}
