using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Complaints.Intake;

namespace Workflow.Complaints.Cases;

/// <summary>Registration of the case store.</summary>
public static class CaseStoreServiceCollectionExtensions
{
    /// <summary>The setting holding the storage connection string (the Functions name).</summary>
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>
    /// Adds <see cref="CaseStore"/>, <see cref="AuditLog"/>, <see cref="CaseNumberAllocator"/> and
    /// their tables on the account named by <c>AzureWebJobsStorage</c> (the emulator when unset),
    /// unless the host registered a <see cref="TableServiceClient"/> itself.
    /// </summary>
    public static IServiceCollection AddCaseStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CaseStoreOptions>()
            .Bind(configuration.GetSection(CaseStoreOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.ServiceTimeZone, out _), "Cases:ServiceTimeZone is not a known time zone.")
            .ValidateOnStart();
        services.AddIntakeOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new TableServiceClient(StorageConnectionString(configuration)));
        services.TryAddSingleton<StorageTables>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<PhoneNumberHash>();
        services.TryAddSingleton<CaseNumberAllocator>();
        services.TryAddSingleton<CaseStore>();
        return services;
    }

    /// <summary>The storage connection string: <c>AzureWebJobsStorage</c>, else the local emulator.</summary>
    internal static string StorageConnectionString(IConfiguration configuration) =>
        configuration[StorageSetting] is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";
}
