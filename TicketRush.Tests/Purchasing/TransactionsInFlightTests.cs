using System.Diagnostics;
using System.Globalization;
using System.Net;
using MySqlConnector;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Purchasing;

/// <summary>
/// <c>Purchase:TransactionsInFlightPerTicket</c> on the real servers and MariaDB: while the ticket's row is held by
/// another session, at most the bound of each server's buyers wait on it inside MySQL; the others wait in the server's
/// memory. Held past every buyer's deadline, nobody is sold to, waiting or not; released, the ticket sells exactly.
/// </summary>
[Collection(TicketRushCollection.Name)]
public sealed class TransactionsInFlightTests(TicketRushApp app, ITestOutputHelper output)
{
    // The documented default (docs/configuration.md), which the fixture does not change.
    private const int Bound = 16;
    private const int Stock = 100;
    private const int Buyers = 200;

    /// <summary>Well inside the purchases' 5 s deadline (the fixture's default), with the machine's slack.</summary>
    private static readonly TimeSpan WatchFor = TimeSpan.FromSeconds(3.5);

    public static readonly TheoryData<string> Strategies = new(["atomic", "pessimistic", "optimistic"]);

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Buyers_beyond_the_bound_wait_in_memory_and_none_is_sold_to_after_its_deadline(string strategy)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, strategy);
        await using var holder = new MySqlConnection(await app.ConnectionStringAsync("ticketrush-app"));
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new MySqlCommand($"SELECT remaining_stock FROM tickets WHERE id = {ticket.Id} FOR UPDATE", holder, hold))
        {
            await lockRow.ExecuteScalarAsync();
        }

        // Buyer n goes to server n mod 2, all at once; the row stays locked until every one of them has its answer.
        var sent = Stopwatch.StartNew();
        var purchases = Enumerable.Range(1, Buyers)
            .Select(async n =>
            {
                using var response = await app.Servers[n % 2].PurchaseAsync(ticket.Id, n);
                return response.StatusCode;
            })
            .ToList();
        var answers = Task.WhenAll(purchases);
        var mostWaiting = 0L;
        await using (var watcher = new MySqlConnection(await app.ConnectionStringAsync("ticketrush-app")))
        {
            await watcher.OpenAsync();
            // Before the purchases' deadline (5 s) nobody has given up, so every buyer is either in its place in MySQL or
            // waiting for one. At the deadline a locking read that timed out leaves its session waiting in MariaDB while the
            // gate lets the next buyer in, before the first 503 reaches us: a count taken then says nothing.
            var firstAnswer = Task.WhenAny(purchases);
            while (!firstAnswer.IsCompleted && sent.Elapsed < WatchFor)
            {
                mostWaiting = Math.Max(mostWaiting, await RowLockWaitsAsync(watcher));
                await Task.WhenAny(firstAnswer, Task.Delay(50));
            }
        }

        var statuses = await answers;
        await hold.RollbackAsync();
        output.WriteLine($"{strategy}: at most {mostWaiting} row-lock waits in MySQL while {Buyers} buyers queued, before the first answer; answers {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}: {g.Count()}"))}");

        Assert.InRange(mostWaiting, 1, 2 * Bound);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        var after = await Invariants.AssertExactAsync(app, ticket.Id);
        Assert.Equal(Stock, after.RemainingStock);

        // Released, the same ticket sells exactly: nobody who gave up holds an order, nobody who came later is refused wrongly.
        var verdict = await RushRunner.RunAsync(RushRunner.Targets([.. app.Servers]), after, RushRunner.DistinctBuyers(1_000), new RushPlan());
        output.WriteLine(verdict.ToString());
        Assert.True(verdict.Sold == Stock && verdict.Remaining == 0 && verdict.ServerErrors == 0 && verdict.DuplicateBuyers == 0, $"exact sell-out after release: {verdict}");
        Assert.True(verdict.History!.IsValid, $"history checks: {verdict.History}");
    }

    private static async Task<long> RowLockWaitsAsync(MySqlConnection connection)
    {
        await using var query = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_current_waits'", connection);
        await using var reader = await query.ExecuteReaderAsync();
        return await reader.ReadAsync() ? long.Parse(reader.GetString(1), CultureInfo.InvariantCulture) : 0;
    }
}
