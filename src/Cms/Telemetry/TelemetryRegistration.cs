using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cms.Telemetry;

/// <summary>
/// Traces, metrics and logs through OpenTelemetry, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (the standard variables: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_METRIC_EXPORT_INTERVAL</c>...), or written to the console with <c>Telemetry:Console</c>. With neither,
/// no part of the OpenTelemetry SDK is registered: the instruments exist (they are .NET's own) and cost
/// an <c>Enabled</c> check each, with nothing listening.
/// </summary>
public static class TelemetryRegistration
{
    public const string DefaultServiceName = "news-commentary";

    public static WebApplicationBuilder AddCmsTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CmsMetrics>();
        services.AddSingleton<IInterceptor, DatabaseTimeInterceptor>();

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var console = builder.Configuration.GetValue<bool>("Telemetry:Console");
        if (!otlp && !console)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName))
            .WithMetrics(metrics =>
            {
                // http.server.request.duration per http.route (rate and latency), Kestrel's connections, ours.
                metrics.AddAspNetCoreInstrumentation().AddMeter(CmsMetrics.MeterName, CmsMetrics.MeterName + ".*");
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithTracing(tracing =>
            {
                // Probes of /health/* every few seconds would drown the requests that matter.
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddSource(CmsMetrics.Database.Name);
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithLogging().UseOtlpExporter();
        }

        return builder;
    }
}
