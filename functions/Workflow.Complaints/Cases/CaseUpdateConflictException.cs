namespace Workflow.Complaints.Cases;

/// <summary>Thrown when an update keeps losing to concurrent updates of the same case.</summary>
public sealed class CaseUpdateConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CaseUpdateConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CaseUpdateConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CaseUpdateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
