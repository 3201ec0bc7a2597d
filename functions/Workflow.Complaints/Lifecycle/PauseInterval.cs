namespace Workflow.Complaints.Lifecycle;

/// <summary>A span during which the case waited on the customer and its clocks stood still.</summary>
/// <param name="From">When the wait began (the request-info action).</param>
/// <param name="To">When the customer answered; for a wait still running, pass the current time.</param>
public sealed record PauseInterval(DateTimeOffset From, DateTimeOffset To);
