using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle.Activities;
using Workflow.Complaints.Notifications;
using Workflow.Durable.Worker;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Registers the complaint lifecycle orchestration and its activities.</summary>
public static class ComplaintLifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Lifecycle</c> (layered over <see cref="ComplaintRulesDefaults"/>, validated at start-up) and registers
    /// the default <see cref="ICaseRecorder"/> (<see cref="CaseStoreRecorder"/> on the case store) and <see cref="INotifier"/> (<see cref="TableOutboxNotifier"/>, the <c>StaffNotifications</c> table); register your own
    /// before this call to replace them, and makes <see cref="LifecycleCaseOpener"/> intake's <see cref="ICaseOpener"/>
    /// (it needs the case store and a <c>DurableTaskClient</c>). Needs <c>AddComplaintRules</c> and <c>AddSms</c> as well.
    /// </summary>
    public static IServiceCollection AddComplaintLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var layered = ComplaintRulesServiceCollectionExtensions.WithDefaults(configuration);
        services.AddOptions<LifecycleOptions>().Bind(layered.GetSection(LifecycleOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LifecycleOptions>, LifecycleOptionsValidator>();
        services.TryAddSingleton<ICaseRecorder, CaseStoreRecorder>();
        services.TryAddSingleton<TableOutboxNotifier>();
        services.TryAddSingleton<INotifier>(sp => sp.GetRequiredService<TableOutboxNotifier>());
        // Intake's accepted cases start their lifecycle (replaces the store-only opener, whichever is added first).
        services.Replace(ServiceDescriptor.Singleton<ICaseOpener, LifecycleCaseOpener>());
        return services;
    }

    /// <summary>Registers the lifecycle orchestrator and its activities under their class names.</summary>
    public static DurableTaskRegistry RegisterLifecycleTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ComplaintLifecycleOrchestrator>()
            .AddActivity<TriageCaseActivity>()
            .AddActivity<RecordCaseActivity>()
            .AddActivity<UpdateCaseActivity>()
            .AddActivity<AppendTimelineActivity>()
            .AddActivity<SendSmsActivity>()
            .AddActivity<NotifyStaffActivity>();
    }
}
