namespace Workflow.Complaints.Notifications;

/// <summary>Whether a recorded notification may reach its person yet.</summary>
public static class NotificationState
{
    /// <summary>Held until the person's working hours (<c>deliverAt</c> is still ahead).</summary>
    public const string Held = "held";

    /// <summary>May be delivered now (critical, or its <c>deliverAt</c> has come).</summary>
    public const string Due = "due";
}
