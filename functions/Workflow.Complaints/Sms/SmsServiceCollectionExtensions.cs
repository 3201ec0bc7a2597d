using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Survey;

namespace Workflow.Complaints.Sms;

/// <summary>Registers the SMS feature.</summary>
public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// Adds SMS sending (Communication Services when <c>Sms:ConnectionString</c> is set, else the outbox),
    /// templates, opt-outs and the inbound processor, with options validated at start-up. Register your own
    /// <see cref="ISurveyReplyHandler"/>, <see cref="IDeliveryReportSink"/> or <see cref="TableServiceClient"/>
    /// before or after this call to replace the defaults; storage is <c>Sms:StorageConnectionString</c>, else a
    /// registered <see cref="TableServiceClient"/>, else <c>AzureWebJobsStorage</c>. With <c>Sms:Inbound:Entra</c>
    /// configured it also adds the webhook's JWT bearer scheme (<see cref="SmsWebhookAuthentication"/>).
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        services.AddOptions<SmsTemplateOptions>().Bind(configuration.GetSection(SmsTemplateOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsTemplateOptions>, SmsTemplateOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SmsTables(StorageFor(sp, configuration), sp.GetRequiredService<IOptions<SmsOptions>>().Value.TablePrefix));
        services.TryAddSingleton<SmsSendLog>();
        services.TryAddSingleton<SmsOptOutStore>();
        services.TryAddSingleton<SmsInboundEventLog>();
        services.TryAddSingleton<SmsTemplateRenderer>();
        services.TryAddSingleton<OutboxSmsSender>();
        services.TryAddSingleton<AcsSmsClientOptions>();
        services.TryAddSingleton<ISmsSender>(CreateSender);
        services.TryAddSingleton<ISurveyReplyHandler, NoOpenSurveyReplyHandler>();
        services.TryAddSingleton<IDeliveryReportSink, LoggingDeliveryReportSink>();
        services.TryAddSingleton<SmsInboundProcessor>();
        services.AddSmsWebhookEntra(configuration);
        return services;
    }

    private static ISmsSender CreateSender(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<SmsOptions>>();
        if (string.IsNullOrWhiteSpace(options.Value.ConnectionString))
        {
            return sp.GetRequiredService<OutboxSmsSender>();
        }

        var connection = AcsConnectionString.Parse(options.Value.ConnectionString);
        // Without an access key the managed identity (or developer sign-in) gets an Entra token.
        var credential = connection.AccessKey is null ? sp.GetService<TokenCredential>() ?? new DefaultAzureCredential() : null;
        return new AcsSmsSender(
            sp.GetRequiredService<SmsSendLog>(),
            sp.GetRequiredService<SmsOptOutStore>(),
            options,
            sp.GetRequiredService<AcsSmsClientOptions>(),
            credential,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AcsSmsSender>>());
    }

    private static TableServiceClient StorageFor(IServiceProvider sp, IConfiguration configuration)
    {
        var own = sp.GetRequiredService<IOptions<SmsOptions>>().Value.StorageConnectionString;
        if (!string.IsNullOrWhiteSpace(own))
        {
            return new TableServiceClient(own);
        }

        return sp.GetService<TableServiceClient>()
            ?? new TableServiceClient(configuration["AzureWebJobsStorage"] ?? configuration["Values:AzureWebJobsStorage"]
                ?? throw new InvalidOperationException("No storage for SMS: set Sms:StorageConnectionString or AzureWebJobsStorage."));
    }
}
