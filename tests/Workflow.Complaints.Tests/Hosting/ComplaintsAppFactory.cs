using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Testing;
using Xunit;

namespace Workflow.Complaints.Tests.Hosting;

/// <summary>The whole host on Azurite, as <c>./run</c> starts it, for functional tests.</summary>
public sealed class ComplaintsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Azurite? _azurite;

    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AzureWebJobsStorage", _azurite!.ConnectionString);
        builder.UseTestUsers();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
