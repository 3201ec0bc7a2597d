namespace Workflow.Complaints.Cases;

/// <summary>Thrown when a day's six-digit case-number space is used up.</summary>
public sealed class CaseNumberExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CaseNumberExhaustedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CaseNumberExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CaseNumberExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
