namespace Workflow.Complaints.Intake;

/// <summary>The closed value sets of the intake contract (SPEC section 1).</summary>
public static class IntakeVocabulary
{
    /// <summary>Case types, from the seeds' four call types.</summary>
    public static readonly IReadOnlySet<string> Types =
        new HashSet<string>(StringComparer.Ordinal) { "inquiry", "complaint", "service-request", "suggestion" };

    /// <summary>Languages for messages to the customer; the first is the default.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    /// <summary>Kinds of request a customer may make.</summary>
    public static readonly IReadOnlySet<string> RequestKinds =
        new HashSet<string>(StringComparer.Ordinal) { "refund", "repair", "replacement", "explanation", "compensation", "other" };

    /// <summary>Channels a submission may arrive through.</summary>
    public static readonly IReadOnlySet<string> Channels =
        new HashSet<string>(StringComparer.Ordinal) { "web", "hotline", "app", "partner" };
}
