using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>The payload of every <see cref="LifecycleEvents"/> event; each event reads the fields it needs.</summary>
/// <param name="Actor">Who acted (staff user name, or <c>customer</c>).</param>
/// <param name="Reason">Why, or the text of a note or response.</param>
/// <param name="Severity">The new severity (<see cref="LifecycleEvents.SeverityChanged"/>).</param>
/// <param name="Department">The new department (<see cref="LifecycleEvents.Forwarded"/>, <see cref="LifecycleEvents.Reassigned"/>).</param>
/// <param name="Remedy">What the customer is given (<see cref="LifecycleEvents.Resolved"/>, <see cref="LifecycleEvents.FinalDecision"/>).</param>
/// <param name="Responsibility">Who was responsible (<see cref="LifecycleEvents.Resolved"/>).</param>
/// <param name="Compensation">The compensation asked to approve (<see cref="LifecycleEvents.ApprovalRequested"/>).</param>
/// <param name="Score">The satisfaction score 1-5 (<see cref="LifecycleEvents.SurveyReplied"/>).</param>
public sealed record CaseEventData(
    string? Actor = null,
    string? Reason = null,
    Severity? Severity = null,
    string? Department = null,
    string? Remedy = null,
    string? Responsibility = null,
    decimal? Compensation = null,
    int? Score = null);
