using System.Text.Json.Nodes;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>Deliveries shaped like Event Grid's, in both schemas (fields as in Microsoft's published samples).</summary>
internal static class SmsEventPayloads
{
    private const string Topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/complaints/providers/microsoft.communication/communicationservices/complaints-acs";

    public static JsonObject Received(string from, string text) => new()
    {
        ["messageId"] = "Incoming_" + Guid.NewGuid().ToString("N"),
        ["from"] = from,
        ["to"] = "18005550100",
        ["message"] = text,
        ["receivedTimestamp"] = "2026-11-23T10:00:00.32Z",
        ["segmentCount"] = 1,
    };

    public static JsonObject DeliveryReport(string to, string status, string tag) => new()
    {
        ["messageId"] = "Outgoing_20261123100000d29ebbea-3341-4466-9690-0a03af35228e",
        ["from"] = "18005550100",
        ["to"] = to,
        ["deliveryStatus"] = status,
        ["deliveryStatusDetails"] = status == "Delivered" ? "No error." : "Sender blocked for given recipient.",
        ["deliveryAttempts"] = new JsonArray(new JsonObject
        {
            ["timestamp"] = "2026-11-23T10:00:05.1Z",
            ["segmentsSucceeded"] = status == "Delivered" ? 1 : 0,
            ["segmentsFailed"] = status == "Delivered" ? 0 : 1,
        }),
        ["receivedTimestamp"] = "2026-11-23T10:00:06.2Z",
        // Microsoft's sample capitalises this one field.
        ["Tag"] = tag,
    };

    public static string EventGrid(string eventType, JsonObject data, string? id = null) => new JsonArray(new JsonObject
    {
        ["id"] = id ?? Guid.NewGuid().ToString(),
        ["topic"] = Topic,
        ["subject"] = "/phonenumber/18005550100",
        ["data"] = data,
        ["eventType"] = eventType,
        ["dataVersion"] = "1.0",
        ["metadataVersion"] = "1",
        ["eventTime"] = "2026-11-23T10:00:01.0Z",
    }).ToJsonString();

    public static string CloudEvents(string eventType, JsonObject data, string? id = null) => new JsonArray(new JsonObject
    {
        ["id"] = id ?? Guid.NewGuid().ToString(),
        ["source"] = Topic,
        ["subject"] = "/phonenumber/18005550100",
        ["type"] = eventType,
        ["specversion"] = "1.0",
        ["time"] = "2026-11-23T10:00:01.0Z",
        ["datacontenttype"] = "application/json",
        ["data"] = data,
    }).ToJsonString();

    public static string SubscriptionValidation(string code) => new JsonArray(new JsonObject
    {
        ["id"] = "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
        ["topic"] = Topic,
        ["subject"] = string.Empty,
        ["data"] = new JsonObject
        {
            ["validationCode"] = code,
            ["validationUrl"] = "https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/complaints-sms/validate?id=512d38b6&t=2026-11-23T10:00:00.0Z",
        },
        ["eventType"] = "Microsoft.EventGrid.SubscriptionValidationEvent",
        ["eventTime"] = "2026-11-23T10:00:00.0Z",
        ["metadataVersion"] = "1",
        ["dataVersion"] = "1",
    }).ToJsonString();
}
