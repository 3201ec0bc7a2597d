using Workflow.Testing;
using Xunit;

namespace Workflow.Complaints.Tests.Intake;

/// <summary>One Azurite for the intake and case-store tests; each test uses its own table prefix and queues.</summary>
public sealed class IntakeStorageFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IntakeStorageGroup : ICollectionFixture<IntakeStorageFixture>
{
    public const string Name = "intake-storage";
}
