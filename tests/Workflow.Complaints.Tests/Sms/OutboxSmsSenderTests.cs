using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public sealed class OutboxSmsSenderTests(SmsStorageFixture storage)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly SmsTables _tables = storage.NewTables();

    [Fact]
    public async Task AddSms_NoConnectionString_UsesTheOutbox()
    {
        await using var services = SmsServices.Build(_tables, _time);

        Assert.IsType<OutboxSmsSender>(services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public async Task SendAsync_SameStepTwice_RecordsOneMessage()
    {
        await using var services = SmsServices.Build(_tables, _time);
        var sender = services.GetRequiredService<ISmsSender>();
        var message = new SmsMessage("+8613812345678", "已受理", "C-20261123-000101", SmsSteps.Acknowledgement, Essential: true);

        var first = await sender.SendAsync(message, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await sender.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, first.Status);
        Assert.Equal(SmsSendStatus.AlreadySent, second.Status);
        var page = await services.GetRequiredService<OutboxSmsSender>().ListAsync(10, null, TestContext.Current.CancellationToken);
        var item = Assert.Single(page.Items);
        Assert.Equal("*********5678", item.To);
        Assert.Equal(first.MessageId, item.MessageId);
    }

    [Fact]
    public async Task SendAsync_CrashBeforeSendLogCompleted_RestartRecordsNothingNew()
    {
        var message = new SmsMessage("+8613812345678", "已受理", "C-20261123-000102", SmsSteps.Acknowledgement, Essential: true);
        await using (var first = SmsServices.Build(_tables, _time))
        {
            // The outbox row is written, but the process dies before the send log is marked sent.
            var record = await first.GetRequiredService<SmsSendLog>().BeginAsync(message, TestContext.Current.CancellationToken);
            await first.GetRequiredService<OutboxSmsSender>().SendAsync(message, TestContext.Current.CancellationToken);
            Assert.NotNull(record);
        }

        await using var restarted = SmsServices.Build(_tables, _time);
        var again = await restarted.GetRequiredService<ISmsSender>().SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.AlreadySent, again.Status);
        var page = await restarted.GetRequiredService<OutboxSmsSender>().ListAsync(10, null, TestContext.Current.CancellationToken);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task ListAsync_ManyMessages_NewestFirstAcrossPages()
    {
        await using var services = SmsServices.Build(_tables, _time);
        var sender = services.GetRequiredService<ISmsSender>();
        for (var i = 1; i <= 5; i++)
        {
            await sender.SendAsync(new SmsMessage("+8613812345678", $"第{i}条", $"C-20261123-00020{i}", SmsSteps.Progress), TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        var outbox = services.GetRequiredService<OutboxSmsSender>();
        var first = await outbox.ListAsync(2, null, TestContext.Current.CancellationToken);
        var second = await outbox.ListAsync(2, first.ContinuationToken, TestContext.Current.CancellationToken);
        var third = await outbox.ListAsync(2, second.ContinuationToken, TestContext.Current.CancellationToken);

        Assert.Equal(["C-20261123-000205", "C-20261123-000204"], first.Items.Select(i => i.CaseNumber));
        Assert.Equal(["C-20261123-000203", "C-20261123-000202"], second.Items.Select(i => i.CaseNumber));
        Assert.Equal(["C-20261123-000201"], third.Items.Select(i => i.CaseNumber));
        Assert.Null(third.ContinuationToken);
    }

    [Fact]
    public async Task SendAsync_InvalidNumber_FailsWithoutRecording()
    {
        await using var services = SmsServices.Build(_tables, _time);

        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage("12345", "x", "C-20261123-000103", SmsSteps.Progress), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Failed, result.Status);
        Assert.False(result.IsTransientFailure);
        Assert.Empty((await services.GetRequiredService<OutboxSmsSender>().ListAsync(10, null, TestContext.Current.CancellationToken)).Items);
    }
}
