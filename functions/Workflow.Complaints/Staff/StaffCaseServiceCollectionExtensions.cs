using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workflow.Complaints.Staff;

/// <summary>Registration of the staff case API.</summary>
public static class StaffCaseServiceCollectionExtensions
{
    /// <summary>Adds what <see cref="StaffCaseEndpoints.MapStaffCases"/> needs beyond the case store, lifecycle and durable client.</summary>
    public static IServiceCollection AddStaffCaseApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<CaseActionValidator>();
        return services;
    }
}
