namespace TicketRush.Api.Idempotency;

internal static class IdempotencyServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.SectionName)
            .Validate(o => o.Retention > TimeSpan.Zero && o.Lease > TimeSpan.Zero, "Idempotency:Retention and Idempotency:Lease must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<IdempotencyTelemetry>();
        return builder;
    }
}
