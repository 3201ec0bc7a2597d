using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>The JSON settings for everything the backend stores (events carry their "EventType" discriminator).</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropEventTypeProperty } },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("Stored JSON was null.");

    /// <summary>
    /// The derived events override <see cref="HistoryEvent.EventType"/> without repeating its
    /// [JsonIgnore], which would clash with the "EventType" discriminator; the discriminator carries it.
    /// </summary>
    private static void DropEventTypeProperty(JsonTypeInfo info)
    {
        if (!typeof(HistoryEvent).IsAssignableFrom(info.Type) || info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Name == nameof(HistoryEvent.EventType))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
