using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Topologies;

/// <summary>Replication is visible: per link in the dashboard (a health check) and per primary through the admin endpoint; a stopped link is a failed state, not a silent one.</summary>
[Collection(TwoPrimariesCollection.Name)]
public sealed class ReplicationHealthTests(TwoPrimariesApp app)
{
    [Fact]
    public async Task Replication_runs_both_ways_with_the_configured_delay()
    {
        var replication = await TwoPrimariesRushTests.ReplicationAsync(app.Servers[1]);

        Assert.Equal("several-primaries", replication.Topology);
        Assert.Equal(TwoPrimariesApp.PrimaryNames, replication.Links.Select(link => link.Replica));
        Assert.All(replication.Links, link =>
        {
            Assert.True(link.Running, $"{link.Replica}: I/O {link.IoRunning}, SQL {link.SqlRunning}, {link.LastError}");
            Assert.Equal((int)TwoPrimariesApp.ReplicationDelay.TotalSeconds, link.DelaySeconds);
            Assert.Null(link.LastError);
        });
        foreach (var link in TwoPrimariesApp.LinkNames)
        {
            await app.WaitForHealthAsync(link, HealthStatus.Healthy);
        }
    }

    [Fact]
    public async Task Replication_state_needs_the_admin_key()
    {
        using var response = await app.Servers[0].GetAsync(ApiRoutes.AdminReplication);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_stopped_replica_is_an_unhealthy_link_with_its_state()
    {
        await app.RunAsRootAsync("mysql-b", "STOP SLAVE SQL_THREAD");
        try
        {
            var description = await app.WaitForHealthAsync("replication-a-to-b", HealthStatus.Unhealthy);
            var link = (await TwoPrimariesRushTests.ReplicationAsync(app.Servers[0])).Links.Single(l => l.Replica == "mysql-b");

            Assert.Contains("SQL No", description);
            Assert.False(link.Running);
            Assert.Equal("No", link.SqlRunning);
        }
        finally
        {
            await app.RunAsRootAsync("mysql-b", "START SLAVE SQL_THREAD");
        }

        await app.WaitForHealthAsync("replication-a-to-b", HealthStatus.Healthy);
    }
}
