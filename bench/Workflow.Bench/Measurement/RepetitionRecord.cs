using Workflow.Bench.Shapes;

namespace Workflow.Bench.Measurement;

/// <summary>One repetition's result with what was observed around it: backend counts, replay time and time spent committing.</summary>
internal sealed record RepetitionRecord(
    RepetitionResult Result,
    IReadOnlyList<KeyValuePair<string, long>>? BackendCounts,
    ReplaySummary Replay,
    TimeSpan CommitTime,
    long CommitCalls);
