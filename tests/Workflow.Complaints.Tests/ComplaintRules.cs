using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Lifecycle;

namespace Workflow.Complaints.Tests;

/// <summary>Builds the complaint rules exactly as the app registers them, with optional configuration overrides.</summary>
internal static class ComplaintRules
{
    public static ServiceProvider Build(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        return new ServiceCollection().AddComplaintRules(configuration).BuildServiceProvider();
    }

    public static T Get<T>(IDictionary<string, string?>? settings = null)
        where T : notnull => Build(settings).GetRequiredService<T>();
}
