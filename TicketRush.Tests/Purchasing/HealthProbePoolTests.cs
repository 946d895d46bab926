using System.Net;
using MySqlConnector;
using TicketRush.Rush;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Purchasing;

/// <summary>A rush that takes every purchase connection of a server leaves its <c>/health</c> green: the probe has a pool of its own.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class HealthProbePoolTests(TicketRushApp app, ITestOutputHelper output)
{
    /// <summary>More than the server's purchase pool (Database:MaxPoolSize, 100): every connection is taken and more buyers queue for one.</summary>
    private const int Buyers = 130;
    private const long FirstBuyer = 73_000_000;

    [Fact]
    public async Task A_server_whose_purchase_pool_is_exhausted_still_reports_healthy()
    {
        var server = app.Servers[0];
        var ticket = await server.CreateTicketAsync(Buyers + 1, StrategyNames.Pessimistic);
        // The first buyer holds the ticket's row lock for a while; every other buyer waits for it holding a connection.
        await app.ArmStallAsync(server, FirstBuyer, TimeSpan.FromSeconds(4));
        var holder = server.PurchaseAsync(ticket.Id, FirstBuyer);
        await TicketRushApp.WaitUntilStalledAsync(server, FirstBuyer);
        var waiting = Enumerable.Range(1, Buyers).Select(i => server.PurchaseAsync(ticket.Id, FirstBuyer + i)).ToList();

        var exhausted = false;
        var probes = new List<HttpStatusCode>();
        while (!holder.IsCompleted)
        {
            exhausted |= await AppConnectionsAsync() >= 100;
            using var health = await server.GetAsync(ApiRoutes.Health);
            probes.Add(health.StatusCode);
            await Task.Delay(100);
        }

        foreach (var response in waiting.Append(holder))
        {
            (await response).Dispose();
        }

        output.WriteLine($"{probes.Count} probes: {string.Join(", ", probes.CountBy(p => p).Select(p => $"{(int)p.Key} ×{p.Value}"))}");
        Assert.True(exhausted, "the purchase pool was never full: the test proved nothing");
        Assert.All(probes, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private async Task<long> AppConnectionsAsync()
    {
        var connectionString = new MySqlConnectionStringBuilder(await app.ConnectionStringAsync("ticketrush-app"));
        await using var connection = new MySqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        await using var count = new MySqlCommand("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = @user", connection);
        count.Parameters.AddWithValue("@user", connectionString.UserID);
        return Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
