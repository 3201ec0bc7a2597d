using System.Text.Json.Serialization;

namespace Workflow.Durable;

/// <summary>
/// What is known about a failure of an activity, a sub-orchestration or an orchestration: the
/// exception's type, message and stack, and the failure that caused it.
/// </summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception's message.</param>
/// <param name="StackTrace">The exception's stack trace, when there is one.</param>
/// <param name="InnerFailure">The failure that caused this one, when there is one.</param>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Builds failure details from an exception, including its inner exceptions.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is { } inner ? FromException(inner) : null);
    }

    /// <summary>Whether the failure, or one it wraps, was caused by an exception of type <typeparamref name="T"/>.</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        for (TaskFailureDetails? f = this; f is not null; f = f.InnerFailure)
        {
            if (f.ErrorType == typeof(T).FullName)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    [JsonIgnore]
    public string Summary => $"{ErrorType}: {ErrorMessage}";

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
