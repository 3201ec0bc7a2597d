using System.Text;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Registers triage, calendars, service levels, transitions' companions and response templates.</summary>
public static class ComplaintRulesServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Triage</c>, <c>ServiceLevels</c>, <c>BusinessCalendars</c> and <c>ResponseTemplates</c>
    /// from <paramref name="configuration"/> layered over <see cref="ComplaintRulesDefaults"/>, validates
    /// them at start-up, and registers <see cref="CaseTriage"/>, <see cref="BusinessCalendars"/>,
    /// <see cref="DeadlinePlanner"/> and <see cref="ResponseTemplates"/>.
    /// </summary>
    public static IServiceCollection AddComplaintRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var layered = WithDefaults(configuration);
        Bind<TriageOptions, TriageOptionsValidator>(services, layered, TriageOptions.SectionName);
        Bind<ServiceLevelOptions, ServiceLevelOptionsValidator>(services, layered, ServiceLevelOptions.SectionName);
        Bind<BusinessCalendarOptions, BusinessCalendarOptionsValidator>(services, layered, BusinessCalendarOptions.SectionName);
        Bind<ResponseTemplateOptions, ResponseTemplateOptionsValidator>(services, layered, ResponseTemplateOptions.SectionName);

        services.AddSingleton<CaseTriage>();
        services.AddSingleton<BusinessCalendars>();
        services.AddSingleton<DeadlinePlanner>();
        services.AddSingleton<ResponseTemplates>();
        return services;
    }

    /// <summary>The defaults with <paramref name="configuration"/> on top (the app's values win).</summary>
    public static IConfiguration WithDefaults(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        using var defaults = new MemoryStream(Encoding.UTF8.GetBytes(ComplaintRulesDefaults.Json));
        return new ConfigurationBuilder()
            .AddJsonStream(defaults)
            .AddConfiguration(configuration, shouldDisposeConfiguration: false)
            .Build();
    }

    private static void Bind<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
