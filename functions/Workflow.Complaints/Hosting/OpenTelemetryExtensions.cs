using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Workflow.Complaints.Hosting;

/// <summary>Exports telemetry over OTLP when an endpoint is configured (Azure Monitor's collector in production).</summary>
public static class OpenTelemetryExtensions
{
    /// <summary>The standard OpenTelemetry setting naming the OTLP endpoint.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Adds the OTLP trace exporter when <see cref="EndpointSetting"/> is set.</summary>
    public static TracerProviderBuilder AddOtlpExporterWhenConfigured(this TracerProviderBuilder builder, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[EndpointSetting]) ? builder : builder.AddOtlpExporter();

    /// <summary>Adds the OTLP metric exporter when <see cref="EndpointSetting"/> is set.</summary>
    public static MeterProviderBuilder AddOtlpExporterWhenConfigured(this MeterProviderBuilder builder, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[EndpointSetting]) ? builder : builder.AddOtlpExporter();
}
