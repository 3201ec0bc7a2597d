using Workflow.Durable.Worker;

namespace Workflow.Durable.TestHost;

/// <summary>The workflow the multi-host tests run: <c>Steps</c> calls the <c>Step</c> activity n times in sequence.</summary>
public static class StepsWorkflow
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Steps";

    /// <summary>What an instance started with input <paramref name="steps"/> returns: 1 + 2 + ... + steps.</summary>
    public static int ExpectedOutput(int steps) => steps * (steps + 1) / 2;

    /// <summary>Registers the orchestrator and its activity; each activity run pauses <paramref name="activityTime"/>.</summary>
    public static DurableTaskRegistry Register(DurableTaskRegistry registry, TimeSpan activityTime)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestratorFunc<int, int>(Name, async (ctx, steps) =>
            {
                var sum = 0;
                for (var i = 1; i <= steps; i++)
                {
                    sum += await ctx.CallActivityAsync<int>("Step", i);
                }

                return sum;
            })
            .AddActivityFunc<int, int>("Step", async (_, n) =>
            {
                await Task.Delay(activityTime).ConfigureAwait(false);
                return n;
            });
    }
}
