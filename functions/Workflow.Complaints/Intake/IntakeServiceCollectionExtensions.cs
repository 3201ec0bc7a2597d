using System.Threading.RateLimiting;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Intake;

/// <summary>Registration of intake.</summary>
public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// Adds intake: validation, idempotency, the intake service, the queue listener, the poison
    /// queue, the per-address rate limiter policy, the case store, and <see cref="StoreOnlyCaseOpener"/>
    /// as the <see cref="ICaseOpener"/> unless one is registered (before or after this call).
    /// </summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddIntakeOptions(configuration);
        services.AddCaseStore(configuration);
        services.TryAddSingleton(_ => new QueueServiceClient(CaseStoreServiceCollectionExtensions.StorageConnectionString(configuration)));
        services.TryAddSingleton<IntakeValidator>();
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<IntakeService>();
        services.TryAddSingleton<IntakeQueues>();
        services.TryAddSingleton<ICaseOpener, StoreOnlyCaseOpener>();
        services.AddHostedService<QueueIntakeListener>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected ??= RejectAsync;
            limiter.AddPolicy(IntakeEndpoints.RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = options.RateLimitWindow,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>Answers a rejected request with problem details and, when known, when to retry.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests from this address; try again later.")
            .ExecuteAsync(context.HttpContext);
    }

    /// <summary>Binds and validates <see cref="IntakeOptions"/> (shared by intake and the case store's phone hash).</summary>
    internal static IServiceCollection AddIntakeOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(IntakeOptionsMarker)))
        {
            return services;
        }

        services.AddSingleton<IntakeOptionsMarker>();
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.CustomerNameMinLength <= o.CustomerNameMaxLength && o.DescriptionMinLength <= o.DescriptionMaxLength, "Intake: a minimum length exceeds its maximum.")
            .Validate(o => o.RateLimitWindow > TimeSpan.Zero && o.QueuePollInterval > TimeSpan.Zero && o.QueueVisibilityTimeout > TimeSpan.Zero, "Intake: intervals must be positive.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Marks that the intake options are registered, so binding happens once.</summary>
    private sealed class IntakeOptionsMarker;
}
