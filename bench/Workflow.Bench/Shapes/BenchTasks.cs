using Workflow.Durable.Worker;

namespace Workflow.Bench.Shapes;

/// <summary>The orchestrators and the activity the shapes run. Activities do no work: the engine's overhead is what is measured.</summary>
internal static class BenchTasks
{
    public const string Echo = "Echo";
    public const string Sequence = "Sequence";
    public const string FanOut = "FanOut";
    public const string WaitForEvent = "WaitForEvent";
    public const string Timer = "Timer";
    public const string EventName = "Go";

    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddActivityFunc<int, int>(Echo, (_, value) => Task.FromResult(value));

        registry.AddOrchestratorFunc<int, int>(Sequence, async (context, count) =>
        {
            var sum = 0;
            for (var i = 0; i < count; i++)
            {
                sum += await context.CallActivityAsync<int>(Echo, i);
            }

            return sum;
        });

        registry.AddOrchestratorFunc<int, int>(FanOut, async (context, count) =>
        {
            var calls = new List<Task<int>>(count);
            for (var i = 0; i < count; i++)
            {
                calls.Add(context.CallActivityAsync<int>(Echo, i));
            }

            var results = await Task.WhenAll(calls);
            return results.Sum();
        });

        registry.AddOrchestratorFunc<int, int>(WaitForEvent, async (context, _) => await context.WaitForExternalEvent<int>(EventName));

        // Returns the start time of the turn that ran after the timer: when the worker processed TimerFired.
        registry.AddOrchestratorFunc<double, DateTime>(Timer, async (context, seconds) =>
        {
            await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(seconds), CancellationToken.None);
            return context.CurrentUtcDateTime;
        });
    }
}
