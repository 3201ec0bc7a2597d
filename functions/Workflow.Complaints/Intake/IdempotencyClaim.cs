using Azure;

namespace Workflow.Complaints.Intake;

/// <summary>
/// The case number an idempotency key is bound to. <see cref="IsNew"/> is true for the caller
/// that bound it, which must open the case; repeats get the same number.
/// </summary>
public sealed record IdempotencyClaim(string KeyHash, string CaseNumber, string Fingerprint, bool IsNew, bool IsOpened, DateTimeOffset ClaimedAt, ETag ETag);
