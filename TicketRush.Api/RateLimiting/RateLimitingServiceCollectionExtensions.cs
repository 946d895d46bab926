using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TicketRush.Api.Endpoints;

namespace TicketRush.Api.RateLimiting;

internal static class RateLimitingServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.ExemptAddresses.All(a => System.Net.IPAddress.TryParse(a, out _)), "RateLimits:ExemptAddresses must be IP addresses.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<RateLimitPartitions>();

        // The gateway on loopback says who the client is; ForwardedHeaders trusts loopback proxies by default.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor);

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitPartitions>((limiter, partitions) =>
        {
            limiter.GlobalLimiter = partitions.ByAddress();
            limiter.OnRejected = (rejected, _) =>
                new ValueTask(RateLimitRejection.Answer(rejected.HttpContext, rejected.Lease).ExecuteAsync(rejected.HttpContext));
        });
        return builder;
    }

    /// <summary>Limits this endpoint per buyer (<c>RateLimits:PerBuyer</c>) as well as per address.</summary>
    public static RouteHandlerBuilder WithBuyerRateLimit(this RouteHandlerBuilder endpoint, Func<EndpointFilterInvocationContext, long?> buyerOf) =>
        endpoint.AddFilter<BuyerRateLimitFilter>(buyerOf);
}
