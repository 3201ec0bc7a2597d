using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        var recorder = host.Services.GetRequiredService<InMemoryCaseRecorder>();
        Assert.Contains(recorder.Timeline(first.CaseNumber), e => e.Kind == TimelineKinds.ClockStarted);
    }

    private static async Task<IntakeAccepted> PostAsync(IntakeTestHost host, string json, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IntakeAccepted>(TestContext.Current.CancellationToken))!;
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
