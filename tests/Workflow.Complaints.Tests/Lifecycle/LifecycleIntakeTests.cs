using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Tests.Intake;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.InMemory;
using Workflow.Durable.Worker;
using Xunit;

namespace Workflow.Complaints.Tests.Lifecycle;

[Collection(IntakeStorageGroup.Name)]
public sealed class LifecycleIntakeTests(IntakeStorageFixture storage)
{
    [Fact]
    public async Task PostComplaint_Accepted_StartsTheCaseLifecycleOnceWhichAcknowledges()
    {
        var sms = new RecordingSmsSender();
        var empty = new ConfigurationBuilder().Build();
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString, services: s => s
            .AddSingleton<IOrchestrationBackend>(new InMemoryOrchestrationBackend())
            .AddSingleton<ISmsSender>(sms)
            .AddComplaintRules(empty)
            .AddSms(empty)
            .AddComplaintLifecycle(empty)
            .AddDurableTaskClient()
            .AddDurableTaskWorker(r => r.RegisterLifecycleTasks()));
        var body = BadSubmissions.Valid().ToJsonString();

        var first = await PostAsync(host, body, "lifecycle-key-1");
        var repeat = await PostAsync(host, body, "lifecycle-key-1");

        Assert.Equal(first.CaseNumber, repeat.CaseNumber);
        var acknowledgement = await WaitForSmsAsync(sms, first.CaseNumber, SmsSteps.Acknowledgement);
        Assert.Contains(first.CaseNumber, acknowledgement.Body, StringComparison.Ordinal);
        Assert.Equal(typeof(LifecycleCaseOpener), host.Services.GetRequiredService<ICaseOpener>().GetType());
        Assert.Equal(typeof(CaseStoreRecorder), host.Services.GetRequiredService<ICaseRecorder>().GetType());
        var store = host.Services.GetRequiredService<CaseStore>();
        var timeline = await WaitForTimelineAsync(store, first.CaseNumber, TimelineKinds.SmsSent);
        var started = timeline.Where(e => e.Kind == TimelineKinds.ClockStarted).ToList();
        Assert.Equal(["forward", "first-response"], started.Select(e => e.Clock));
        Assert.NotNull(started[0].NewDeadline);
        var stored = await store.GetAsync(first.CaseNumber, TestContext.Current.CancellationToken);
        Assert.Equal(started[0].NewDeadline, stored!.NextDeadline);
        Assert.Equal("forward", stored.NextClock);
        Assert.Equal("normal", stored.Severity);
    }

    private static async Task<IntakeAccepted> PostAsync(IntakeTestHost host, string json, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken))!;
    }

    private static async Task<IReadOnlyList<Workflow.Complaints.Cases.TimelineEntry>> WaitForTimelineAsync(CaseStore store, string caseNumber, string kind)
    {
        for (var i = 0; i < 2000; i++)
        {
            var timeline = await store.GetTimelineAsync(caseNumber, TestContext.Current.CancellationToken);
            if (timeline.Any(e => e.Kind == kind))
            {
                return timeline;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No {kind} timeline entry for {caseNumber}.");
    }

    private static async Task<SmsMessage> WaitForSmsAsync(RecordingSmsSender sms, string caseNumber, string step)
    {
        for (var i = 0; i < 2000; i++)
        {
            if (sms.For(caseNumber).FirstOrDefault(m => m.Step == step) is { } message)
            {
                return message;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No {step} SMS for {caseNumber}.");
    }
}
