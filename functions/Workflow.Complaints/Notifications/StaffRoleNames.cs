using Workflow.Complaints.Lifecycle;

namespace Workflow.Complaints.Notifications;

/// <summary>The wire names of <see cref="StaffRole"/> (as its JSON converter writes them).</summary>
public static class StaffRoleNames
{
    private static readonly Dictionary<StaffRole, string> Names = new()
    {
        [StaffRole.Assignee] = "assignee",
        [StaffRole.Supervisor] = "supervisor",
        [StaffRole.DepartmentHead] = "department-head",
        [StaffRole.RiskControl] = "risk",
        [StaffRole.PublicRelations] = "pr",
    };

    /// <summary>Every wire name.</summary>
    public static IEnumerable<string> All => Names.Values;

    /// <summary>The wire name of <paramref name="role"/>.</summary>
    public static string ToName(StaffRole role) => Names[role];

    /// <summary>Parses a wire name (exact, lower case).</summary>
    public static bool TryParse(string? name, out StaffRole role)
    {
        foreach (var (value, wire) in Names)
        {
            if (string.Equals(wire, name, StringComparison.Ordinal))
            {
                role = value;
                return true;
            }
        }

        role = default;
        return false;
    }
}
