using Microsoft.EntityFrameworkCore;

namespace TicketRush.Api.Data;

/// <summary>The API's one-shot <c>migrate</c> mode: the AppHost runs it once and the servers wait for it.</summary>
internal static class DatabaseMigrator
{
    public const string Command = "migrate";

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<TicketRushDbContext>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} pending migration(s): {Migrations}", pending.Count, pending);
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is up to date");
    }
}
