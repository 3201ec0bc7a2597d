using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Tests.Intake;

namespace Workflow.Complaints.Tests.Cases;

/// <summary>The case store on its own tables in the shared Azurite, with fake time.</summary>
public sealed class CaseStoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CaseStoreHarness(string connectionString, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        Time = new FakeTimeProvider(now);
        Logs = new CapturedLogs();
        var config = new Dictionary<string, string?>
        {
            [CaseStoreServiceCollectionExtensions.StorageSetting] = connectionString,
            ["Cases:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..12],
        };
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            config[setting.Key] = setting.Value;
        }

        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddCaseStore(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public CaseStore Store => _services.GetRequiredService<CaseStore>();

    public StorageTables Tables => _services.GetRequiredService<StorageTables>();

    public AuditLog Audit => _services.GetRequiredService<AuditLog>();

    public PhoneNumberHash PhoneHash => _services.GetRequiredService<PhoneNumberHash>();

    public CaseNumberAllocator NewAllocator() =>
        ActivatorUtilities.CreateInstance<CaseNumberAllocator>(_services);

    public CaseNumberAllocator Allocator => _services.GetRequiredService<CaseNumberAllocator>();

    /// <summary>Records a case opened now with the given phone and changes applied.</summary>
    public async Task<Case> CreateAsync(string phoneE164 = "+8613812345678", Func<Case, Case>? change = null)
    {
        var number = (await Allocator.NextAsync(CancellationToken.None)).ToString();
        var submission = new ComplaintSubmission
        {
            CustomerName = "张三",
            Phone = phoneE164,
            Type = "complaint",
            Description = "The parcel arrived broken and nobody answers.",
            Language = "zh-CN",
            Evidence = ["ORD-1", "https://example.invalid/s/1.png"],
            Request = new CustomerRequest("refund", 12.5m, "CNY"),
        };
        var newCase = new NewCase(number, submission, PhoneHash.Compute(phoneE164), Time.GetUtcNow(), "test");
        var c = newCase.ToCase();
        if (change is not null)
        {
            c = change(c);
        }

        return await Store.CreateAsync(c, newCase.ToCustomerRecord(), newCase.ToReceivedEntry(), CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
