using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Retention;

/// <summary>Registration of the retention job.</summary>
public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Retention</c> (validated at start-up) and adds <see cref="RetentionJob"/>, its run table and the
    /// <see cref="RetentionScheduler"/>. Needs the case store and a <c>DurableTaskClient</c>.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.TryAddSingleton<RetentionRuns>();
        services.TryAddSingleton<RetentionJob>();
        services.AddHostedService<RetentionScheduler>();
        return services;
    }
}
