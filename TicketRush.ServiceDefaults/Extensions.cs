using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TicketRush.Contracts;
using TicketRush.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The Aspire service defaults every TicketRush service shares: OpenTelemetry, health endpoints,
/// service discovery and resilient outgoing HTTP.
/// </summary>
public static class Extensions
{
    /// <summary>How long one background probe of a dependency may take before it counts as not answering.</summary>
    public static readonly TimeSpan DependencyCheckTimeout = TimeSpan.FromMilliseconds(300);

    /// <summary>Activity sources recorded besides ASP.NET Core and HttpClient: our purchase spans and the MySQL driver's.</summary>
    private static readonly string[] ExtraActivitySources = ["TicketRush", "MySqlConnector"];

    /// <summary>
    /// Configuration key: new traces sampled per second by each service, once its burst is spent (0: every trace).
    /// Metrics count every request whatever this says; it bounds only how many traces are exported to the dashboard.
    /// </summary>
    public const string TracesPerSecondKey = "Telemetry:TracesPerSecond";

    /// <summary>Configuration key: how many new traces in a row each service samples before the rate applies.</summary>
    public const string TraceBurstKey = "Telemetry:TraceBurst";

    /// <summary>A trickle under sustained load: 200 traces a second cost the dashboard a third of a core.</summary>
    public const double DefaultTracesPerSecond = 20;

    /// <summary>The study's rush (500 buyers per server) shows its first 200 per server in full.</summary>
    public const int DefaultTraceBurst = 200;

    /// <summary>Meters recorded besides the runtime's: purchase outcomes and MySQL connection-pool metrics.</summary>
    private static readonly string[] ExtraMeters = ["TicketRush", "MySqlConnector"];

    /// <summary>Adds telemetry, default health checks, service discovery and HTTP resilience.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddRequestLimits();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <summary>Sends logs, metrics and traces to the OTLP endpoint Aspire gives the service.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Warnings and errors go to stderr, so the AppHost (dashboard console, test output) shows them as such.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Warning);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ExtraMeters))
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampler(
                    builder.Configuration.GetValue(TracesPerSecondKey, DefaultTracesPerSecond),
                    builder.Configuration.GetValue(TraceBurstKey, DefaultTraceBurst),
                    TimeProvider.System))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ExtraActivitySources)
                // Probes are kept out of traces so a rush is not buried in them.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context =>
                    !context.Request.Path.StartsWithSegments(ApiRoutes.Health)
                    && !context.Request.Path.StartsWithSegments(ApiRoutes.Alive))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// New traces from the rate-limited bucket; a sampled parent from another process is followed only within a bucket of
    /// its own. Anyone can send <c>traceparent: …-01</c>: followed blindly, one client would switch on full tracing for
    /// every request it makes. Traces the gateway sampled stay whole, as they are already within its rate.
    /// </summary>
    public static Sampler TraceSampler(double tracesPerSecond, int burst, TimeProvider time) => tracesPerSecond switch
    {
        0 => new AlwaysOnSampler(),
        > 0 => new ParentBasedSampler(
            new RateLimitedSampler(tracesPerSecond, burst, time),
            remoteParentSampled: new RateLimitedSampler(tracesPerSecond, burst, time),
            remoteParentNotSampled: new AlwaysOffSampler(),
            localParentSampled: new AlwaysOnSampler(),
            localParentNotSampled: new AlwaysOffSampler()),
        _ => throw new InvalidOperationException($"{TracesPerSecondKey} must be 0 (every trace) or positive, not {tracesPerSecond}."),
    };

    /// <summary>
    /// Binds Kestrel's request limits (body, header and request-line sizes) from <c>Kestrel:Limits</c>: no TicketRush
    /// request needs more than a few KB, and Kestrel's defaults (a 30 MB body) let one client make a server buffer it.
    /// </summary>
    public static TBuilder AddRequestLimits<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.Configure<KestrelServerOptions>(kestrel => builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        return builder;
    }

    /// <summary>Adds a "self" liveness check; services add readiness checks for their dependencies.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check) and <c>/alive</c> (liveness checks only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapHealthChecks(ApiRoutes.Health);
        app.MapHealthChecks(ApiRoutes.Alive, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
        });

        return app;
    }
}
