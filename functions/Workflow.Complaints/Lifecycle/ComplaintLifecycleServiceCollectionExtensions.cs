using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle.Activities;
using Workflow.Complaints.Notifications;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Survey;
using Workflow.Durable.Worker;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Registers the complaint lifecycle orchestration and its activities.</summary>
public static class ComplaintLifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Lifecycle</c> (layered over <see cref="ComplaintRulesDefaults"/>, validated at start-up) and registers
    /// the default <see cref="ICaseRecorder"/> (<see cref="CaseStoreRecorder"/> on the case store) and <see cref="INotifier"/> (<see cref="TableOutboxNotifier"/>, the <c>StaffNotifications</c> table); register your own
    /// before this call to replace them, and makes <see cref="LifecycleCaseOpener"/> intake's <see cref="ICaseOpener"/>
    /// (it needs the case store and a <c>DurableTaskClient</c>). SMS replies are matched to the case awaiting a survey answer
    /// (<see cref="CaseSurveyReplyHandler"/>) and delivery reports land on the case timeline (<see cref="CaseTimelineDeliveryReportSink"/>),
    /// in place of <c>AddSms</c>'s stand-alone defaults; a handler or sink registered by the host stays.
    /// Needs <c>AddComplaintRules</c> and <c>AddSms</c> as well.
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
        ReplaceDefault<ISurveyReplyHandler, NoOpenSurveyReplyHandler, CaseSurveyReplyHandler>(services);
        ReplaceDefault<IDeliveryReportSink, LoggingDeliveryReportSink, CaseTimelineDeliveryReportSink>(services);
        return services;
    }

    // Puts TImplementation in place of the SMS feature's default, whether AddSms ran before or after; any other registration stays.
    private static void ReplaceDefault<TService, TDefault, TImplementation>(IServiceCollection services)
        where TService : class
        where TImplementation : class, TService
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(TService));
        if (existing is null || existing.ImplementationType == typeof(TDefault))
        {
            services.RemoveAll<TService>();
            services.AddSingleton<TService, TImplementation>();
        }
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
