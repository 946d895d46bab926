using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.Topologies;

/// <summary>
/// The study's claim "database locks fail with several databases", tested on Galera: 1,000 distinct buyers for 100
/// tickets, half through each server, each server on its own node, the history checker judging every answer. A lock or
/// version check on one node does not see the other node's transactions, but certification at commit does: the loser
/// of a conflict gets 1213 and its strategy retries (or refuses with 503), so every safe strategy stays exact. <c>none</c>
/// still loses updates between buyers on the same node, which certification never compares.
/// </summary>
[Collection(GaleraCollection.Name)]
public sealed class GaleraRushTests(GaleraApp app, ITestOutputHelper output)
{
    private const int Stock = 100;
    private const int Buyers = 1_000;

    [Theory]
    [InlineData("pessimistic")]
    [InlineData("optimistic")]
    [InlineData("atomic")]
    [InlineData("redlock")]
    [InlineData("redis-counter")]
    [InlineData("batched")]
    public async Task Safe_strategy_sells_exactly_the_stock_on_every_node(string strategy)
    {
        var verdict = await RushAsync(strategy);

        Assert.True(verdict.Rush.History!.IsValid, $"every answer agrees with the orders (C1–C6): {verdict}");
        Assert.True(verdict.Rush.Created == Stock && verdict.Rush.Sold == Stock && verdict.Rush.Remaining == 0, $"acknowledged == orders == stock, remaining 0: {verdict}");
        Assert.True(verdict.NodesAgree, $"every node holds the same orders and stock: {verdict}");
        Assert.True(verdict.Rush.DuplicateBuyers == 0, $"nobody twice: {verdict}");
        // A conflict retried past its budget is refused (503), never answered wrongly: any 5xx is that refusal.
        Assert.True(verdict.Rush.Attempts.Where(a => a.Status >= 500).All(a => a.Status == 503), $"5xx only as a refusal: {verdict}");
    }

    [Fact]
    public async Task No_control_still_loses_updates_between_buyers_on_one_node()
    {
        var verdict = await RushAsync("none");

        Assert.True(verdict.Rush.LostUpdates > 0 || verdict.Rush.Oversold > 0, $"lost updates or an oversell: {verdict}");
        Assert.False(verdict.Rush.History!["C1"].Passed, $"the history checker catches them: {verdict}");
        Assert.True(verdict.NodesAgree, $"however wrong, the nodes agree: {verdict}");
    }

    [Fact]
    public async Task Every_node_reports_a_synced_cluster_of_three_in_the_dashboard_and_the_admin_endpoint()
    {
        var cluster = await ClusterAsync();

        Assert.Equal("galera", cluster.Topology);
        Assert.Equal(GaleraApp.NodeNames, cluster.Nodes.Select(node => node.Node));
        Assert.All(cluster.Nodes, node =>
        {
            Assert.True(node.Ready, $"{node.Node}: {node.State}, {node.ClusterStatus}, {node.LastError}");
            Assert.Equal(("Synced", "Primary", 3), (node.State, node.ClusterStatus, node.ClusterSize));
        });
        foreach (var node in GaleraApp.NodeNames)
        {
            const string synced = "Synced, ready ON, cluster Primary of 3";
            Assert.Contains(synced, await app.HealthDescriptionAsync(node, synced));
        }
    }

    private async Task<GaleraVerdict> RushAsync(string strategy)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, strategy);
        var before = await ClusterAsync();
        var rush = await RushRunner.RunAsync(RushRunner.Targets(app.Servers), ticket, RushRunner.DistinctBuyers(Buyers), new RushPlan(Keyed: RushPlan.HalfKeyed));
        var after = await ClusterAsync();
        var verdict = new GaleraVerdict(rush, await PrimaryCopies.ReadAsync(GaleraApp.NodeNames, app.AppConnectionStringAsync, ticket.Id), before, after);
        output.WriteLine(verdict.ToString());
        return verdict;
    }

    private async Task<ReplicationResponse> ClusterAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiRoutes.AdminReplication);
        request.Headers.Add(ApiHeaders.AdminKey, TicketRushApp.AdminKey);
        using var response = await app.Servers[0].SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReplicationResponse>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }
}

/// <summary>A rush on Galera: what buyers were told, each node's copy, and the conflicts the nodes counted meanwhile.</summary>
public sealed record GaleraVerdict(RushVerdict Rush, IReadOnlyList<TicketCopy> Copies, ReplicationResponse Before, ReplicationResponse After)
{
    public bool NodesAgree =>
        Copies.Select(c => (c.Remaining, string.Join(",", c.Buyers.Order()))).Distinct().Count() == 1;

    /// <summary>Transactions refused at commit by certification (1213), over all nodes, during the rush.</summary>
    public long CertificationFailures => Delta(node => node.CertificationFailures);

    /// <summary>Open transactions aborted to apply another node's commit (they too see 1213), over all nodes.</summary>
    public long BruteForceAborts => Delta(node => node.BruteForceAborts);

    private long Delta(Func<GaleraNodeStatus, long?> counter) =>
        After.Nodes.Sum(node => counter(node) ?? 0) - Before.Nodes.Sum(node => counter(node) ?? 0);

    /// <summary>The table's row: strategy, acknowledged, per node orders/remaining, conflicts, 503s, throughput.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {Rush.Strategy} | {Rush.Created} | {string.Join(" | ", Copies.Select(c => $"{c.Orders} / {c.Remaining}"))} | " +
            $"{CertificationFailures} cert + {BruteForceAborts} bf | {Rush.Count(503)} | {Rush.Throughput:F0} req/s |") +
        Environment.NewLine + Rush;
}
