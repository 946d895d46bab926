using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketRush.Api.Faults;

namespace TicketRush.Api.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// What Aspire's Pomelo client integration would give, wired by hand because it is not served here:
    /// pooled contexts, retries of transient errors, a readiness health check; MySqlConnector's spans and
    /// metrics are recorded by the service defaults.
    /// </summary>
    public static IHostApplicationBuilder AddTicketRushData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{DatabaseOptions.ConnectionName}' is missing: start the API through TicketRush.AppHost.");

        builder.Services.AddPooledDbContextFactory<TicketRushDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseMySql(connectionString, ServerVersion.Parse(database.ServerVersion), mySql =>
                mySql.EnableRetryOnFailure(database.MaxRetryCount, database.MaxRetryDelay, errorNumbersToAdd: null))
                .AddInterceptors(services.GetRequiredService<OrderWriteFaultInterceptor>());
        });

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("ticketrush-database", tags: ["ready"]);

        return builder;
    }
}
