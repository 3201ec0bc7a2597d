namespace Workflow.Bench.Backends;

/// <summary>
/// Operation counts a backend exposes, read before and after a repetition. Each backend that keeps
/// counts gets a small adapter; a backend without counts has none.
/// </summary>
internal interface IBackendStatistics
{
    /// <summary>The running totals now, by name, in a stable order.</summary>
    IReadOnlyList<KeyValuePair<string, long>> Read();
}
