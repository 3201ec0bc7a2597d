using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Intake;

[Collection(IntakeStorageGroup.Name)]
public sealed class QueueIntakeTests(IntakeStorageFixture storage)
{
    /// <summary>The JSON rows of the bad-submission table that fit in a queue message.</summary>
    public static TheoryData<string, string, string> BadMessages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in BadSubmissions.All())
        {
            var (label, contentType, body, field, _) = ((string, string, string, string, int))(row.Data);
            if (contentType == BadSubmissions.Json && body.Length < 60_000)
            {
                data.Add(label, body, field);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task PollOnce_BadMessage_MovedToPoisonWithFieldErrorAndNothingStored(string label, string body, string field)
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await host.IntakeQueue.SendMessageAsync(body.Length == 0 ? " " : body, TestContext.Current.CancellationToken);

        await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);

        var poison = await host.Client.GetFromJsonAsync<List<PoisonMessageView>>("/api/intake/poison", TestContext.Current.CancellationToken);
        var message = Assert.Single(poison!);
        Assert.True(message.Errors.ContainsKey(field), $"{label}: expected an error on '{field}', got: {string.Join(", ", message.Errors.Keys)}");
        Assert.Empty((await host.IntakeQueue.PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
        await IntakeApiTests.AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task PollOnce_ValidMessage_OpensCase()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await host.IntakeQueue.SendMessageAsync(BadSubmissions.With(o => o["channel"] = "partner"), TestContext.Current.CancellationToken);

        await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, await host.CountAsync(StorageTables.Cases));
        Assert.Empty((await host.IntakeQueue.PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
        Assert.Empty((await host.Client.GetFromJsonAsync<List<PoisonMessageView>>("/api/intake/poison", TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task PollOnce_Base64Message_OpensCase()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(BadSubmissions.Valid().ToJsonString()));
        await host.IntakeQueue.SendMessageAsync(encoded, TestContext.Current.CancellationToken);

        await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, await host.CountAsync(StorageTables.Cases));
    }

    [Fact]
    public async Task PoisonList_MessageWithPhone_ShowsMaskedBody()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await host.IntakeQueue.SendMessageAsync(BadSubmissions.With(o => o["type"] = "praise"), TestContext.Current.CancellationToken);
        await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);

        var listing = await host.Client.GetStringAsync("/api/intake/poison", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(BadSubmissions.ValidPhone, listing, StringComparison.Ordinal);
        Assert.Contains("*******5678", listing, StringComparison.Ordinal);
        Assert.All(host.Logs.Lines, line => Assert.DoesNotContain(BadSubmissions.ValidPhone, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requeue_FixedConfiguration_MessageOpensCase()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await host.IntakeQueue.SendMessageAsync(BadSubmissions.With(o => o["customerName"] = new string('n', 51)), TestContext.Current.CancellationToken);
        await host.IntakeQueue.SendMessageAsync("not json", TestContext.Current.CancellationToken);
        await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);
        var poison = (await host.Client.GetFromJsonAsync<List<PoisonMessageView>>("/api/intake/poison", TestContext.Current.CancellationToken))!;
        Assert.Equal(2, poison.Count);
        var longName = poison.Single(p => p.Errors.ContainsKey("customerName"));

        using var requeued = await host.Client.PostAsync($"/api/intake/poison/{longName.Id}/requeue", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, requeued.StatusCode);
        var left = (await host.Client.GetFromJsonAsync<List<PoisonMessageView>>("/api/intake/poison", TestContext.Current.CancellationToken))!;
        Assert.Equal(poison.Single(p => p.Id != longName.Id).Id, Assert.Single(left).Id);
        Assert.Single((await host.IntakeQueue.PeekMessagesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task Discard_PoisonMessage_Removed()
    {
        await using var host = await IntakeTestHost.StartAsync(storage.ConnectionString);
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await host.IntakeQueue.SendMessageAsync("[]", TestContext.Current.CancellationToken);
        await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);
        var poison = Assert.Single((await host.Client.GetFromJsonAsync<List<PoisonMessageView>>("/api/intake/poison", TestContext.Current.CancellationToken))!);

        using var discarded = await host.Client.DeleteAsync($"/api/intake/poison/{poison.Id}", TestContext.Current.CancellationToken);
        using var again = await host.Client.DeleteAsync($"/api/intake/poison/{poison.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty((await host.Client.GetFromJsonAsync<List<PoisonMessageView>>("/api/intake/poison", TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task PollOnce_OpenerKeepsFailing_MovedToPoisonAfterMaxDeliveries()
    {
        await using var host = await IntakeTestHost.StartAsync(
            storage.ConnectionString,
            new Dictionary<string, string?> { ["Intake:QueueMaxDequeueCount"] = "1", ["Intake:QueueVisibilityTimeout"] = "00:00:01" },
            services => services.AddSingleton<ICaseOpener, FailingOpener>());
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await host.IntakeQueue.SendMessageAsync(BadSubmissions.Valid().ToJsonString(), TestContext.Current.CancellationToken);
        await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);

        var received = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            received = await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken);
        }

        var poison = Assert.Single((await host.Client.GetFromJsonAsync<List<PoisonMessageView>>("/api/intake/poison", TestContext.Current.CancellationToken))!);
        Assert.Equal("processing failed repeatedly", poison.Reason);
        Assert.Contains(host.Logs.Lines, l => l.Contains("failed (delivery 1)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listener_Running_OpensQueuedCase()
    {
        await using var host = await IntakeTestHost.StartAsync(
            storage.ConnectionString,
            new Dictionary<string, string?> { ["Intake:QueueListenerEnabled"] = "true", ["Intake:QueuePollInterval"] = "00:00:00.100" });
        await host.IntakeQueue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);

        await host.IntakeQueue.SendMessageAsync(BadSubmissions.Valid().ToJsonString(), TestContext.Current.CancellationToken);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await host.CountAsync(StorageTables.Cases) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, await host.CountAsync(StorageTables.Cases));
    }

    private sealed class FailingOpener : ICaseOpener
    {
        public Task OpenAsync(NewCase newCase, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The orchestration could not be scheduled.");
    }
}
