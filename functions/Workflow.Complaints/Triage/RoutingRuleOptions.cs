namespace Workflow.Complaints.Triage;

/// <summary>
/// One row of the routing table (<c>Triage:Routing:n</c>). Every condition given must hold; an
/// omitted condition matches anything.
/// </summary>
public sealed class RoutingRuleOptions
{
    /// <summary>Case type by contract name (<c>complaint</c>, <c>service-request</c>, ...), or empty for any.</summary>
    public string? Type { get; set; }

    /// <summary>Product, compared case-insensitively as a substring of the case's product, or empty for any.</summary>
    public string? Product { get; set; }

    /// <summary>Any one of these in the description or product, or empty for any.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>The responsible department.</summary>
    public string Department { get; set; } = "";
}
