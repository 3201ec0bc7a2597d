using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace Workflow.Complaints.Sms;

/// <summary>Reads an Event Grid delivery in the Event Grid schema or CloudEvents 1.0 into <see cref="SmsInboundEvent"/>s.</summary>
internal static class SmsEventParser
{
    /// <summary>
    /// The events in <paramref name="body"/>; throws <see cref="FormatException"/> when it is not a
    /// well-formed delivery in either schema.
    /// </summary>
    public static IReadOnlyList<SmsInboundEvent> Parse(BinaryData body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return IsCloudEvents(body, contentType)
                ? [.. CloudEvent.ParseMany(body).Select(FromCloudEvent)]
                : [.. EventGridEvent.ParseMany(body).Select(FromEventGridEvent)];
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            // The SDK reports a missing required field or wrong JSON shape in these types.
            throw new FormatException(e.Message, e);
        }
    }

    private static bool IsCloudEvents(BinaryData body, string? contentType)
    {
        if (contentType is not null && contentType.StartsWith("application/cloudevents", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        using var document = JsonDocument.Parse(body);
        var first = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().FirstOrDefault()
            : document.RootElement;
        return first.ValueKind == JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private static SmsInboundEvent FromEventGridEvent(EventGridEvent e)
    {
        e.TryGetSystemEventData(out var data);
        return FromSystemData(e.Id, e.EventType, data, e.Data);
    }

    private static SmsInboundEvent FromCloudEvent(CloudEvent e)
    {
        e.TryGetSystemEventData(out var data);
        return FromSystemData(e.Id, e.Type, data, e.Data);
    }

    private static SmsInboundEvent FromSystemData(string id, string type, object? data, BinaryData? raw)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new FormatException("An event has no id.");
        }

        switch (data)
        {
            case SubscriptionValidationEventData validation:
                return new SmsInboundEvent(id, type, ValidationCode: validation.ValidationCode);

            case AcsSmsReceivedEventData received:
                // Docs examples spell the fields in PascalCase; the SDK reads only camelCase.
                return new SmsInboundEvent(id, type, Received: new SmsReceived(
                    received.MessageId ?? PropertyIgnoringCase(raw, "messageId") ?? id,
                    received.From ?? PropertyIgnoringCase(raw, "from") ?? throw new FormatException("SMSReceived without 'from'."),
                    received.Message ?? PropertyIgnoringCase(raw, "message") ?? string.Empty,
                    received.ReceivedTimestamp ?? DateTimeOffset.MinValue));

            case AcsSmsDeliveryReportReceivedEventData report:
                return new SmsInboundEvent(id, type, DeliveryReport: new SmsDeliveryReport(
                    report.MessageId ?? PropertyIgnoringCase(raw, "messageId") ?? throw new FormatException("A delivery report without 'messageId'."),
                    report.To ?? PropertyIgnoringCase(raw, "to") ?? string.Empty,
                    report.DeliveryStatus ?? PropertyIgnoringCase(raw, "deliveryStatus") ?? "Unknown",
                    report.DeliveryStatusDetails ?? PropertyIgnoringCase(raw, "deliveryStatusDetails"),
                    // Docs examples spell it "Tag"; the SDK reads only "tag".
                    report.Tag ?? PropertyIgnoringCase(raw, "tag"),
                    report.ReceivedTimestamp));

            default:
                return new SmsInboundEvent(id, type);
        }
    }

    private static string? PropertyIgnoringCase(BinaryData? raw, string name)
    {
        if (raw is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(raw);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
