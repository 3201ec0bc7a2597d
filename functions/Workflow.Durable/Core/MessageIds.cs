namespace Workflow.Durable.Core;

/// <summary>
/// Deterministic message ids. A message that a retried turn (after a crash) sends again gets the same
/// id as the first time, so its receiver recognises it and applies it once.
/// </summary>
internal static class MessageIds
{
    public static string Activity(string instanceId, string executionId, int taskId) => $"{instanceId}|{executionId}|task|{taskId}";

    public static string ActivityResult(string instanceId, string executionId, int taskId) => $"{instanceId}|{executionId}|result|{taskId}";

    public static string Timer(string instanceId, string executionId, int timerId) => $"{instanceId}|{executionId}|timer|{timerId}";

    public static string SubOrchestrationStart(string instanceId, string executionId, int taskId) => $"{instanceId}|{executionId}|sub|{taskId}";

    public static string SentEvent(string instanceId, string executionId, int taskId) => $"{instanceId}|{executionId}|event|{taskId}";

    public static string Completion(string instanceId, string executionId) => $"{instanceId}|{executionId}|done";

    public static string ContinueAsNew(string instanceId, string executionId) => $"{instanceId}|{executionId}|next";

    public static string CarriedEvent(string instanceId, string executionId, int index) => $"{instanceId}|{executionId}|carried|{index}";

    /// <summary>An execution id derived from a parent's id and a task id, so a re-sent child start names the same execution.</summary>
    public static string DerivedExecutionId(string seed)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed), hash);
        return new Guid(hash[..16]).ToString("N");
    }
}
