using Azure.Core;
using Azure.Core.Pipeline;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// Counts every HTTP request the backend's storage clients send (retries included), by service and
/// method, in the clients' own pipeline: the figure the benchmark reports per orchestration step.
/// </summary>
internal sealed class StorageRequestCounter(StorageStatistics statistics, string service) : HttpPipelineSynchronousPolicy
{
    private readonly string _get = service + " GET";
    private readonly string _post = service + " POST";
    private readonly string _put = service + " PUT";
    private readonly string _patch = service + " PATCH";
    private readonly string _merge = service + " MERGE";
    private readonly string _delete = service + " DELETE";
    private readonly string _head = service + " HEAD";

    /// <inheritdoc/>
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var method = message.Request.Method;
        var kind = method == RequestMethod.Get ? _get
            : method == RequestMethod.Post ? _post
            : method == RequestMethod.Put ? _put
            : method == RequestMethod.Patch ? _patch
            : method == RequestMethod.Delete ? _delete
            : method == RequestMethod.Head ? _head
            : method.Method == "MERGE" ? _merge
            : service + " " + method.Method;
        statistics.Request(kind);
    }
}
