using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Workflow.Durable.Tests.Contract;

public abstract partial class OrchestrationContractTests
{
    [Fact]
    public async Task SendEvent_ToAnotherInstance_IsDeliveredOnce()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string, string>("Sender", async (ctx, target) =>
            {
                ctx.SendEvent(target, "Ping", "from " + ctx.InstanceId);
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMilliseconds(1), CancellationToken.None);
                return "sent";
            })
            .AddOrchestratorFunc<object?, string>("Receiver", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Ping")));

        var receiver = await host.Client.ScheduleNewOrchestrationInstanceAsync("Receiver");
        var sender = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sender", receiver);

        Assert.Equal("from " + sender, (await CompletionAsync(host, receiver)).ReadOutputAs<string>());
        Assert.Equal("sent", (await CompletionAsync(host, sender)).ReadOutputAs<string>());
        AssertNoDuplicates(await host.Client.GetHistoryAsync(receiver));
    }

    [Fact]
    public async Task CreateReplaySafeLogger_AcrossReplays_WritesEachLineOnce()
    {
        var lines = new ConcurrentQueue<string>();
        var sink = new ListLogger(lines);
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("Chatty", async (ctx, _) =>
            {
                var log = ctx.CreateReplaySafeLogger(sink);
                for (var i = 0; i < 5; i++)
                {
#pragma warning disable CA1848, CA2254, CA1873 // a test logger: the line itself is what is checked
                    log.LogInformation($"step {i}");
#pragma warning restore CA1848, CA2254, CA1873
                    await ctx.CallActivityAsync<int>("Nothing");
                }

                return 5;
            })
            .AddActivityFunc<object?, int>("Nothing", (_, _) => Task.FromResult(0)));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Chatty");
        await CompletionAsync(host, id);

        Assert.Equal(["step 0", "step 1", "step 2", "step 3", "step 4"], lines);
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
