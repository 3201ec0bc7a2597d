namespace Workflow.Complaints.Retention;

/// <summary>A run's lease expired and another run took it: this run stops where it is.</summary>
public sealed class RetentionLeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RetentionLeaseLostException()
        : base("The retention lease was lost to another run.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RetentionLeaseLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RetentionLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
