using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketRush.Api.Servers.Health;

namespace TicketRush.Api.Data;

internal static class DataServiceCollectionExtensions
{
    /// <summary>
    /// What Aspire's Pomelo client integration would give, wired by hand because it is not served here: pooled EF Core
    /// contexts with retries for queries and the schema, a pooled <see cref="MySqlDataSource"/> for the purchase path
    /// (plain SQL, fewest round trips), timeouts that fit a purchase deadline, and a readiness check that answers in
    /// time. MySqlConnector's spans and metrics are recorded by the service defaults.
    /// </summary>
    public static IHostApplicationBuilder AddTicketRushData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var configured = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{DatabaseOptions.ConnectionName}' is missing: start the API through TicketRush.AppHost.");

        builder.Services.AddSingleton(services => BuildDataSource(services, configured));

        // With several primaries, a pool to each other one, for the tickets homed there.
        builder.Services.AddSingleton(services =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var others = database.Primaries.Where(name => name != database.Name).ToDictionary(name => name, name => BuildDataSource(services,
                builder.Configuration.GetConnectionString($"{DatabaseOptions.ConnectionName}-{name}")
                    ?? throw new InvalidOperationException($"Connection string '{DatabaseOptions.ConnectionName}-{name}' of primary '{name}' is missing.")));
            return new PrimaryDatabases(database.Name, services.GetRequiredService<MySqlDataSource>(), others);
        });

        builder.Services.AddPooledDbContextFactory<TicketRushDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseMySql(services.GetRequiredService<MySqlDataSource>(), ServerVersion.Parse(database.ServerVersion), mySql =>
                mySql.EnableRetryOnFailure(database.MaxRetryCount, database.MaxRetryDelay, errorNumbersToAdd: null));
        });

        builder.Services.AddKeyedSingleton(DatabasePing.PoolKey, (_, _) => new MySqlDataSourceBuilder(
            new MySqlConnectionStringBuilder(configured)
            {
                MaximumPoolSize = DatabasePing.PoolSize,
                ConnectionTimeout = 1,
                DefaultCommandTimeout = 1,
                CancellationTimeout = -1,
            }.ConnectionString).Build());
        builder.Services.AddProbedDependency<DatabasePing>(DatabasePing.CheckName);

        return builder;
    }

    private static MySqlDataSource BuildDataSource(IServiceProvider services, string configured)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = new MySqlConnectionStringBuilder(configured)
        {
            MaximumPoolSize = (uint)database.MaxPoolSize,
            ConnectionTimeout = (uint)database.ConnectTimeoutSeconds,
            DefaultCommandTimeout = (uint)database.CommandTimeoutSeconds,
            CancellationTimeout = database.CancellationTimeoutSeconds,
            // Pomelo requires both when it shares the data source.
            AllowUserVariables = true,
            UseAffectedRows = false,
        }.ConnectionString;
        return new MySqlDataSourceBuilder(connectionString)
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Build();
    }
}
