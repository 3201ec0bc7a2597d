using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Sms;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>A service provider with <c>AddSms</c> over fresh tables, for tests without HTTP.</summary>
internal static class SmsServices
{
    public static ServiceProvider Build(
        SmsTables tables,
        TimeProvider time,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(tables);
        configure?.Invoke(services);
        services.AddSms(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
