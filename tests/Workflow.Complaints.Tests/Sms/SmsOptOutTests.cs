using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public sealed class SmsOptOutTests(SmsStorageFixture storage)
{
    private const string Chinese = "+8613812345678";
    private const string British = "+447400123456";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly SmsTables _tables = storage.NewTables();

    [Theory]
    [InlineData("STOP", SmsKeyword.Stop)]
    [InlineData(" stop. ", SmsKeyword.Stop)]
    [InlineData("退订", SmsKeyword.Stop)]
    [InlineData("TD", SmsKeyword.Stop)]
    [InlineData("ｔｄ", SmsKeyword.Stop)]
    [InlineData("Unsubscribe", SmsKeyword.Stop)]
    [InlineData("START", SmsKeyword.Start)]
    [InlineData("start!", SmsKeyword.Start)]
    [InlineData("please stop sending", SmsKeyword.None)]
    [InlineData("5", SmsKeyword.None)]
    [InlineData("", SmsKeyword.None)]
    public void Parse_Reply_RecognisesKeywords(string text, SmsKeyword expected)
    {
        Assert.Equal(expected, SmsKeywords.Parse(text));
    }

    [Fact]
    public async Task SendAsync_OptedOut_SkipsNonEssentialAndSendsEssential()
    {
        await using var services = SmsServices.Build(_tables, _time);
        await services.GetRequiredService<SmsOptOutStore>().OptOutAsync(Chinese, TestContext.Current.CancellationToken);
        var sender = services.GetRequiredService<ISmsSender>();

        var survey = await sender.SendAsync(new SmsMessage(Chinese, "survey", "C-20261123-000301", SmsSteps.Survey), TestContext.Current.CancellationToken);
        var resolution = await sender.SendAsync(new SmsMessage("13812345678", "resolved", "C-20261123-000301", SmsSteps.Resolution, Essential: true), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.SkippedOptedOut, survey.Status);
        Assert.Equal(SmsSendStatus.Sent, resolution.Status);
    }

    [Fact]
    public async Task SendAsync_RegionBlocksEssential_SkipsEssentialThereOnly()
    {
        await using var services = SmsServices.Build(_tables, _time, new Dictionary<string, string?> { ["Sms:OptOut:EssentialBlockedRegions:0"] = "GB" });
        var optOuts = services.GetRequiredService<SmsOptOutStore>();
        await optOuts.OptOutAsync(Chinese, TestContext.Current.CancellationToken);
        await optOuts.OptOutAsync(British, TestContext.Current.CancellationToken);
        var sender = services.GetRequiredService<ISmsSender>();

        var inBritain = await sender.SendAsync(new SmsMessage(British, "resolved", "C-20261123-000302", SmsSteps.Resolution, Essential: true), TestContext.Current.CancellationToken);
        var inChina = await sender.SendAsync(new SmsMessage(Chinese, "resolved", "C-20261123-000303", SmsSteps.Resolution, Essential: true), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.SkippedOptedOut, inBritain.Status);
        Assert.Equal(SmsSendStatus.Sent, inChina.Status);
    }

    [Fact]
    public async Task OptInAsync_AfterOptOut_SendsNonEssentialAgain()
    {
        await using var services = SmsServices.Build(_tables, _time);
        var optOuts = services.GetRequiredService<SmsOptOutStore>();
        await optOuts.OptOutAsync(Chinese, TestContext.Current.CancellationToken);

        await optOuts.OptInAsync(Chinese, TestContext.Current.CancellationToken);
        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Chinese, "progress", "C-20261123-000304", SmsSteps.Progress), TestContext.Current.CancellationToken);

        Assert.False(await optOuts.IsOptedOutAsync(Chinese, TestContext.Current.CancellationToken));
        Assert.Equal(SmsSendStatus.Sent, result.Status);
    }

    [Fact]
    public async Task OptInAsync_NeverOptedOut_Succeeds()
    {
        await using var services = SmsServices.Build(_tables, _time);

        await services.GetRequiredService<SmsOptOutStore>().OptInAsync(Chinese, TestContext.Current.CancellationToken);

        Assert.False(await services.GetRequiredService<SmsOptOutStore>().IsOptedOutAsync(Chinese, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OptOutAsync_Number_StoresOnlyAHash()
    {
        await using var services = SmsServices.Build(_tables, _time);
        await services.GetRequiredService<SmsOptOutStore>().OptOutAsync(Chinese, TestContext.Current.CancellationToken);

        var table = await _tables.GetAsync(SmsTables.OptOut);
        var row = Assert.Single(table.Query<Azure.Data.Tables.TableEntity>(cancellationToken: TestContext.Current.CancellationToken));
        Assert.DoesNotContain("13812345678", row.PartitionKey, StringComparison.Ordinal);
        Assert.DoesNotContain(row, p => p.Value?.ToString()?.Contains("13812345678", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("8613812345678", "+8613812345678")]
    [InlineData("+86 138 1234 5678", "+8613812345678")]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("447400123456", "+447400123456")]
    [InlineData("12345", null)]
    [InlineData("not a number", null)]
    public void Normalise_Number_GivesE164(string input, string? expected)
    {
        Assert.Equal(expected, SmsPhoneNumber.Normalise(input, "CN"));
    }
}
