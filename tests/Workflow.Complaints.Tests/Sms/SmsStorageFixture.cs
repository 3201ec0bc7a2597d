using Azure.Data.Tables;
using Workflow.Complaints.Sms;
using Workflow.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(Workflow.Complaints.Tests.Sms.SmsStorageFixture))]

namespace Workflow.Complaints.Tests.Sms;

/// <summary>One Azurite for the SMS tests; each test takes its own set of tables.</summary>
public sealed class SmsStorageFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Tables under a fresh prefix, so tests do not see each other's rows.</summary>
    public SmsTables NewTables() => new(new TableServiceClient(ConnectionString), "t" + Guid.NewGuid().ToString("N")[..10]);
}
