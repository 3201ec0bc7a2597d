using Workflow.Complaints.Cases;
using Workflow.Complaints.Tests.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Cases;

[Collection(IntakeStorageGroup.Name)]
public sealed class CaseNumberTests(IntakeStorageFixture storage)
{
    [Fact]
    public void ToString_DateAndSequence_FormatsSixDigits() =>
        Assert.Equal("C-20261122-000123", new CaseNumber(new DateOnly(2026, 11, 22), 123).ToString());

    [Theory]
    [InlineData("C-20261122-000123", true)]
    [InlineData("C-20261122-000000", false)]
    [InlineData("C-20261322-000123", false)]
    [InlineData("C-20261122-00012a", false)]
    [InlineData("C-20261122-+00123", false)]
    [InlineData("X-20261122-000123", false)]
    [InlineData("C-20261122-0001234", false)]
    [InlineData("", false)]
    public void TryParse_Text_AcceptsOnlyTheFormat(string text, bool expected) =>
        Assert.Equal(expected, CaseNumber.TryParse(text, out _));

    [Fact]
    public async Task NextAsync_LateEveningUtc_UsesShanghaiDate()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero));

        var number = await harness.Allocator.NextAsync(TestContext.Current.CancellationToken);

        Assert.Equal("C-20261123-000001", number.ToString());
    }

    [Fact]
    public async Task NextAsync_DayChanges_RestartsSequence()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        await harness.Allocator.NextAsync(TestContext.Current.CancellationToken);
        await harness.Allocator.NextAsync(TestContext.Current.CancellationToken);

        harness.Time.Advance(TimeSpan.FromDays(1));
        var number = await harness.Allocator.NextAsync(TestContext.Current.CancellationToken);

        Assert.Equal("C-20261123-000001", number.ToString());
    }

    [Fact]
    public async Task NextAsync_FourHostsConcurrently_AllNumbersDistinct()
    {
        await using var harness = new CaseStoreHarness(
            storage.ConnectionString,
            new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?> { ["Cases:CaseNumberBlockSize"] = "3" });
        var hosts = Enumerable.Range(0, 4).Select(_ => harness.NewAllocator()).ToArray();

        var numbers = await Task.WhenAll(hosts.SelectMany(h => Enumerable.Range(0, 50).Select(_ => h.NextAsync(TestContext.Current.CancellationToken))));

        Assert.Equal(200, numbers.Select(n => n.ToString()).Distinct().Count());
        foreach (var host in hosts)
        {
            host.Dispose();
        }
    }
}
