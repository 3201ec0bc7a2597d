using Workflow.Testing;
using Xunit;

[assembly: AssemblyFixture(typeof(Workflow.Durable.Tests.Backends.AzureStorage.AzuriteFixture))]

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>One Azurite for the whole test assembly; each test uses its own task hub.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
