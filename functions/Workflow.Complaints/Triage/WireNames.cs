using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Workflow.Complaints.Triage;

/// <summary>
/// The wire names of an enum, read once from its <see cref="JsonStringEnumMemberNameAttribute"/>s, so
/// routes, configuration and JSON can never disagree about a name.
/// </summary>
internal static class WireNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> ByValue = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(
            f => (TEnum)f.GetValue(null)!,
            f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

    private static readonly FrozenDictionary<string, TEnum> ByName =
        ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static string Of(TEnum value) =>
        ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    public static bool TryParse(string? name, out TEnum value) => ByName.TryGetValue(name?.Trim() ?? "", out value);
}
