using Azure.Core;

namespace Workflow.Complaints.Sms;

/// <summary>Azure.Core client options for <see cref="AcsSmsSender"/>: retries, diagnostics, transport and extra policies.</summary>
public sealed class AcsSmsClientOptions : ClientOptions
{
}
