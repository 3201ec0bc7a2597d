namespace Workflow.Complaints.Lifecycle;

/// <summary>An action the case's current state does not allow (the API answers 409 naming the state).</summary>
public sealed class InvalidCaseTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for a refused move.</summary>
    public InvalidCaseTransitionException(CaseStatus from, CaseAction action)
        : base($"A case that is '{from.ToName()}' does not allow '{action.ToName()}'.")
    {
        From = from;
        Action = action;
    }

    /// <summary>Not for use: a transition error always names its state and action.</summary>
    public InvalidCaseTransitionException()
    {
    }

    /// <summary>Not for use: a transition error always names its state and action.</summary>
    public InvalidCaseTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Not for use: a transition error always names its state and action.</summary>
    public InvalidCaseTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The state the case was in.</summary>
    public CaseStatus From { get; }

    /// <summary>The refused action.</summary>
    public CaseAction Action { get; }
}
