using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Topologies;

/// <summary>
/// The study's Level 2 and Level 3 claims on several databases, built: 1,000 distinct buyers for 100 tickets, half
/// through each server, each server on its own primary. Writing where the buyer arrived ("local", the study's setup),
/// no database lock or Redis lock keeps the count, because each copy is counted down separately and replication then
/// overwrites one copy's stock with the other's. Writing every sale of a ticket on its home primary makes each
/// strategy exact again, and replication carries one consistent history to the other copy.
/// </summary>
[Collection(TwoPrimariesCollection.Name)]
public sealed class TwoPrimariesRushTests(TwoPrimariesApp app, ITestOutputHelper output)
{
    private const int Stock = 100;
    private const int Buyers = 1_000;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(StrategyNames.NoControl)]
    [InlineData(StrategyNames.Pessimistic)]
    [InlineData(StrategyNames.Optimistic)]
    [InlineData(StrategyNames.Atomic)]
    [InlineData(StrategyNames.RedLock)]
    [InlineData(StrategyNames.Batched)]
    public async Task Each_server_writing_its_own_primary_oversells_whatever_the_lock(string strategy)
    {
        var verdict = await RushAsync(strategy, "local");

        Assert.True(verdict.Oversold || !verdict.ReplicationRunning,
            $"expected an oversell (acknowledged or orders over both copies > {Stock}) or a broken replication: {verdict}");
        Assert.True(verdict.Acknowledged >= Stock, $"every ticket was sold at least once: {verdict}");
    }

    [Theory]
    [InlineData(StrategyNames.Pessimistic)]
    [InlineData(StrategyNames.Optimistic)]
    [InlineData(StrategyNames.Atomic)]
    [InlineData(StrategyNames.RedLock)]
    [InlineData(StrategyNames.RedisCounter)]
    [InlineData(StrategyNames.Batched)]
    public async Task Writing_on_the_ticket_home_sells_exactly_the_stock_on_both_copies(string strategy)
    {
        var verdict = await RushAsync(strategy, "home");

        Assert.True(verdict.IsExact, $"acknowledged == orders on each copy == stock, remaining 0, nobody twice, replication running: {verdict}");
        Assert.True(verdict.Rush.Count(409, ProblemCodes.SoldOut) == Buyers - Stock, $"{Buyers - Stock} × 409 sold-out: {verdict}");
        Assert.True(verdict.Rush.ServerErrors == 0, $"no 5xx: {verdict}");
    }

    /// <summary>
    /// One authority outside both copies: Redis admits exactly the stock's worth of buyers, so what buyers are told and the
    /// orders on each copy are exact even with local writes. The stock column is only as right as the replication of one
    /// row written on two copies: each copy counts down its own sales and replication overwrites it with the other's, so
    /// it is not asserted (when one server takes every reservation, as it often does in 300 ms, it comes out right).
    /// </summary>
    [Fact]
    public async Task Redis_counter_with_local_writes_tells_exactly_the_stock_and_both_copies_keep_those_orders()
    {
        var verdict = await RushAsync("redis-counter", "local");

        Assert.True(verdict.Acknowledged == Stock && verdict.DistinctBuyers == Stock, $"Redis admitted exactly the stock: {verdict}");
        Assert.True(verdict.Copies.All(c => c.Orders == Stock && c.Buyers.Distinct().Count() == Stock), $"every order on both copies, nobody twice: {verdict}");
        Assert.True(verdict.Replicated && verdict.ReplicationRunning, $"replication settled and reported nothing: {verdict}");
    }

    [Fact]
    public async Task Ticket_shows_where_its_sales_are_written_home_by_default()
    {
        var byDefault = await CreateAsync(StrategyNames.Atomic, writes: null);
        var local = await CreateAsync(StrategyNames.Atomic, "local");

        Assert.Equal(("home", "mysql-a"), (byDefault.Writes, byDefault.HomeDatabase));
        Assert.Equal(("local", (string?)null), (local.Writes, local.HomeDatabase));
        var seenFromB = await SeenByEveryServerAsync(byDefault.Id);
        Assert.Equal(("home", "mysql-a"), (seenFromB.Writes, seenFromB.HomeDatabase));
    }

    [Fact]
    public async Task Unknown_writes_is_refused_with_a_problem()
    {
        using var response = await PostTicketAsync(StrategyNames.Atomic, "everywhere");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemCodes.InvalidRequest, (await response.ReadProblemAsync()).Code);
    }

    private async Task<TopologyVerdict> RushAsync(string strategy, string writes)
    {
        var created = await CreateAsync(strategy, writes);
        await SeenByEveryServerAsync(created.Id);
        var ticket = new TicketResponse(created.Id, $"{strategy} {writes}", created.TotalStock, created.TotalStock, 0, created.Strategy);

        var rush = await RushRunner.RunAsync(app.Servers, ticket, RushRunner.DistinctBuyers(Buyers));
        var replicated = await PrimaryCopies.WaitUntilReplicatedAsync(app, SettleTimeout);
        var verdict = new TopologyVerdict(writes, rush, replicated, await PrimaryCopies.ReadAsync(app, ticket.Id), await ReplicationAsync(app.Servers[0]));
        output.WriteLine(verdict.ToString());
        return verdict;
    }

    private async Task<TicketResponse> CreateAsync(string strategy, string? writes)
    {
        using var response = await PostTicketAsync(strategy, writes);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(JsonOptions))!;
    }

    private Task<HttpResponseMessage> PostTicketAsync(string strategy, string? writes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Tickets)
        {
            Content = JsonContent.Create(new { name = $"{strategy} {writes}", stock = Stock, strategy, writes }),
        };
        request.Headers.Add(ApiHeaders.AdminKey, TicketRushApp.AdminKey);
        return app.Servers[0].SendAsync(request);
    }

    /// <summary>A ticket created on api-1 reaches api-2's primary only through replication, a delay later.</summary>
    private async Task<TicketResponse> SeenByEveryServerAsync(long ticketId)
    {
        using var timeout = new CancellationTokenSource(SettleTimeout);
        while (true)
        {
            using var response = await app.Servers[^1].GetAsync(ApiRoutes.Ticket(ticketId), timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<TicketResponse>(JsonOptions, timeout.Token))!;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    internal static async Task<ReplicationResponse> ReplicationAsync(HttpClient server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.AdminReplication);
        request.Headers.Add(ApiHeaders.AdminKey, TicketRushApp.AdminKey);
        using var response = await server.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReplicationResponse>(JsonOptions))!;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
