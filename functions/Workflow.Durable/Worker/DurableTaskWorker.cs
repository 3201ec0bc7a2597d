using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Durable.Backend;
using Workflow.Durable.Core;
using Workflow.Durable.Diagnostics;
using Workflow.Durable.History;

namespace Workflow.Durable.Worker;

/// <summary>
/// Runs orchestrations and activities from a backend: a number of orchestration loops (each locks an
/// instance, replays it, commits the turn) and activity loops (each locks a request, runs the activity,
/// reports the result). Several workers, in one process or many, may share one task hub.
/// </summary>
public sealed class DurableTaskWorker : BackgroundService
{
    private readonly IOrchestrationBackend _backend;
    private readonly DurableTaskRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly DataConverter _converter;
    private readonly DurableTaskOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the worker.</summary>
    public DurableTaskWorker(
        IOrchestrationBackend backend,
        DurableTaskRegistry registry,
        IServiceProvider services,
        IOptions<DurableTaskOptions> options,
        ILogger<DurableTaskWorker> logger,
        DataConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _backend = backend;
        _registry = registry;
        _services = services;
        _options = options.Value;
        _logger = logger;
        _converter = converter ?? JsonDataConverter.Default;
    }

    /// <summary>Creates the task hub's storage before the host serves anything, then starts the loops.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _backend.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _backend.StartAsync(stoppingToken).ConfigureAwait(false);
        Logs.WorkerStarted(_logger, _options.MaxConcurrentOrchestratorFunctions, _options.MaxConcurrentActivityFunctions);
        var loops = new List<Task>();
        for (var i = 0; i < _options.MaxConcurrentOrchestratorFunctions; i++)
        {
            loops.Add(Task.Run(() => RunLoopAsync("orchestration", ProcessNextOrchestrationAsync, stoppingToken), CancellationToken.None));
        }

        for (var i = 0; i < _options.MaxConcurrentActivityFunctions; i++)
        {
            loops.Add(Task.Run(() => RunLoopAsync("activity", ProcessNextActivityAsync, stoppingToken), CancellationToken.None));
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _backend.StopAsync(cancellationToken).ConfigureAwait(false);
        Logs.WorkerStopped(_logger);
    }

    private async Task RunLoopAsync(string loop, Func<CancellationToken, Task<bool>> step, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await step(stoppingToken).ConfigureAwait(false) && stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Logs.LoopFailed(_logger, ex, loop);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Locks, runs and commits one orchestration work item; false when none came.</summary>
    internal async Task<bool> ProcessNextOrchestrationAsync(CancellationToken cancellationToken)
    {
        var item = await _backend.LockNextOrchestrationWorkItemAsync(cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return false;
        }

        DurableTelemetry.WorkItemsInFlight.Add(1);
        using var span = DurableTelemetry.Source.StartActivity("orchestration turn", ActivityKind.Internal);
        span?.SetTag("durable.instance_id", item.InstanceId);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var turn = new OrchestrationTurn(item, ResolveOrchestrator, _converter, _backend.TimeProvider.GetUtcNow().UtcDateTime);
            var commit = turn.Run();
            DurableTelemetry.ReplayDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            span?.SetTag("durable.name", turn.OrchestrationName);
            await _backend.CompleteOrchestrationWorkItemAsync(item, commit, cancellationToken).ConfigureAwait(false);
            Record(item, commit, turn);
        }
        catch (SimulatedCrashException crash)
        {
            // The backend stopped where it was, as a killed process would; its locks expire on their own.
            Logs.SimulatedCrash(_logger, crash.Point, item.InstanceId);
        }
        catch (InstanceLockLostException lost)
        {
            Logs.LockLost(_logger, item.InstanceId, lost.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Logs.TurnFailed(_logger, ex, item.InstanceId);
            await _backend.AbandonOrchestrationWorkItemAsync(item, ex, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            DurableTelemetry.WorkItemsInFlight.Add(-1);
        }

        return true;
    }

    private void Record(OrchestrationWorkItem item, OrchestrationCommit commit, OrchestrationTurn turn)
    {
        if (turn.DiscardedCount > 0)
        {
            DurableTelemetry.MessagesDiscarded.Add(turn.DiscardedCount);
        }

        if (commit.NewEvents.Any(e => e is ExecutionStartedEvent))
        {
            DurableTelemetry.InstancesStarted.Add(1);
        }

        switch (turn.ResultStatus)
        {
            case OrchestrationRuntimeStatus.Completed:
                DurableTelemetry.InstancesCompleted.Add(1);
                break;
            case OrchestrationRuntimeStatus.Failed when commit.NewEvents.Count > 0:
                DurableTelemetry.InstancesFailed.Add(1);
                Logs.InstanceFailed(_logger, item.InstanceId, commit.State.FailureDetails?.Summary ?? "unknown");
                break;
            default:
                break;
        }

        Logs.TurnCommitted(_logger, item.InstanceId, turn.OrchestrationName, turn.ResultStatus, commit.NewEvents.Count, turn.DiscardedCount);
    }

    private ITaskOrchestrator? ResolveOrchestrator(string name) => _registry.CreateOrchestrator(name, _services);

    /// <summary>Locks, runs and completes one activity work item; false when none came.</summary>
    internal async Task<bool> ProcessNextActivityAsync(CancellationToken cancellationToken)
    {
        var item = await _backend.LockNextActivityWorkItemAsync(cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return false;
        }

        DurableTelemetry.WorkItemsInFlight.Add(1);
        var message = item.Message;
        var scheduled = item.Scheduled;
        using var span = DurableTelemetry.Source.StartActivity("activity " + scheduled.Name, ActivityKind.Internal);
        span?.SetTag("durable.instance_id", message.InstanceId);
        span?.SetTag("durable.task_id", scheduled.EventId);
        try
        {
            var result = await RunActivityAsync(message, scheduled, cancellationToken).ConfigureAwait(false);
            await _backend.CompleteActivityWorkItemAsync(item, result, cancellationToken).ConfigureAwait(false);
        }
        catch (SimulatedCrashException crash)
        {
            Logs.SimulatedCrash(_logger, crash.Point, message.InstanceId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Logs.ActivityAbandoned(_logger, ex, scheduled.Name, message.InstanceId);
            await _backend.AbandonActivityWorkItemAsync(item, ex, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            DurableTelemetry.WorkItemsInFlight.Add(-1);
        }

        return true;
    }

    private async Task<TaskMessage> RunActivityAsync(TaskMessage message, TaskScheduledEvent scheduled, CancellationToken cancellationToken)
    {
        var executionId = message.ExecutionId ?? string.Empty;
        var resultId = MessageIds.ActivityResult(message.InstanceId, executionId, scheduled.EventId);
        var now = _backend.TimeProvider.GetUtcNow().UtcDateTime;
        var started = Stopwatch.GetTimestamp();
        await using var scope = _services.CreateAsyncScope();
        HistoryEvent outcome;
        try
        {
            var activity = _registry.CreateActivity(scheduled.Name, scope.ServiceProvider)
                ?? throw new InvalidOperationException($"No activity named '{scheduled.Name}' is registered with this worker.");
            var input = _converter.Deserialize(scheduled.Input, activity.InputType);
            var context = new TaskActivityContext(scheduled.Name, message.InstanceId, executionId, scheduled.EventId, cancellationToken);
            var output = await activity.RunAsync(context, input).ConfigureAwait(false);
            outcome = new TaskCompletedEvent(scheduled.EventId, _converter.Serialize(output)) { Timestamp = now };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The activity's failure is the orchestration's business: it is reported, not retried here.
            Logs.ActivityFailed(_logger, scheduled.Name, scheduled.EventId, message.InstanceId, ex.Message);
            outcome = new TaskFailedEvent(scheduled.EventId, TaskFailureDetails.FromException(ex)) { Timestamp = now };
        }
        finally
        {
            DurableTelemetry.ActivityDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("durable.activity", scheduled.Name));
        }

        return new TaskMessage(resultId, message.InstanceId, message.ExecutionId, outcome);
    }
}
