using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Topologies;

/// <summary>
/// The break issue 18's spike measured, reproduced and repaired: the same buyer buying on both primaries at once (local
/// writes) inserts the same unique order on both sides, so each replica stops with 1062 and the links turn unhealthy.
/// The dashboard command "Restore the pair from this copy" on mysql-a makes mysql-b an exact copy and restarts both links.
/// </summary>
[Collection(TwoPrimariesCollection.Name)]
public sealed class PairRepairTests(TwoPrimariesApp app, ITestOutputHelper output)
{
    private const long Buyer = 424_242;

    [Fact]
    public async Task The_same_buyer_on_both_primaries_stops_replication_and_the_restore_command_makes_one_copy_again()
    {
        var ticket = await CreateLocalTicketAsync();
        await WaitUntilEveryServerSeesAsync(ticket);

        // Each server's copy has not yet heard of the other's sale (replication is a second behind): both sell.
        var answers = await Task.WhenAll(app.Servers.Select(server => server.PurchaseAsync(ticket, Buyer)));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        foreach (var link in TwoPrimariesApp.LinkNames)
        {
            var broken = await app.WaitForHealthAsync(link, HealthStatus.Unhealthy);
            output.WriteLine($"{link}: {broken}");
            Assert.Contains("1062", broken);
        }

        var result = await app.ExecuteCommandAsync("mysql-a", MySqlReplicationBuilderExtensions.RestorePairCommand, CancellationToken.None);
        output.WriteLine(result.Message);

        Assert.True(result.Success, result.Message);
        foreach (var link in TwoPrimariesApp.LinkNames)
        {
            await app.WaitForHealthAsync(link, HealthStatus.Healthy);
        }

        Assert.True(await PrimaryCopies.WaitUntilReplicatedAsync(app, TimeSpan.FromSeconds(30)), "both primaries applied all the other wrote");
        Assert.Equal(await ChecksumsAsync("mysql-a"), await ChecksumsAsync("mysql-b"));
        var copies = await PrimaryCopies.ReadAsync(app, ticket);
        Assert.All(copies, copy => Assert.Equal([Buyer], copy.Buyers));

        // Replication carries new sales again, both ways.
        using var after = await app.Servers[1].PurchaseAsync(ticket, Buyer + 1);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.True(await PrimaryCopies.WaitUntilReplicatedAsync(app, TimeSpan.FromSeconds(30)), "the new sale reached mysql-a");
        Assert.Equal(await ChecksumsAsync("mysql-a"), await ChecksumsAsync("mysql-b"));
        Assert.True((await TwoPrimariesRushTests.ReplicationAsync(app.Servers[0])).Links.All(link => link.Running));
    }

    /// <summary><c>CHECKSUM TABLE</c> of every ticketrush table on <paramref name="primary"/>, as root.</summary>
    private async Task<string> ChecksumsAsync(string primary)
    {
        await using var connection = new MySqlConnection(await app.ConnectionStringAsync(primary));
        await connection.OpenAsync();
        await using var command = new MySqlCommand("CHECKSUM TABLE ticketrush.tickets, ticketrush.ticket_orders, ticketrush.__EFMigrationsHistory", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var sums = new List<string>();
        while (await reader.ReadAsync())
        {
            sums.Add($"{reader.GetString(0)}={reader.GetValue(1)}");
        }

        return string.Join(", ", sums);
    }

    private async Task<long> CreateLocalTicketAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Tickets)
        {
            Content = JsonContent.Create(new CreateTicketRequest("repair", 10, StrategyNames.Atomic, Writes: TicketWrites.Local)),
        };
        request.Headers.Add(ApiHeaders.AdminKey, TicketRushApp.AdminKey);
        using var response = await app.Servers[0].SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketResponse>())!.Id;
    }

    private async Task WaitUntilEveryServerSeesAsync(long ticket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await app.Servers[^1].GetAsync($"/api/tickets/{ticket}", timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
