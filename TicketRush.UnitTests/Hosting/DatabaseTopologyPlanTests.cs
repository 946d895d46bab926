using Microsoft.Extensions.Configuration;
using TicketRush.AppHost.Hosting;

namespace TicketRush.UnitTests.Hosting;

/// <summary>Resolving <c>Hosting:Databases</c> and <c>Hosting:ReplicationDelay</c>.</summary>
public sealed class DatabaseTopologyPlanTests
{
    private static HostingPlan Resolve(Dictionary<string, string?> settings) =>
        HostingPlan.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath());

    [Fact]
    public void One_database_unless_asked()
    {
        var plan = Resolve(new() { [HostingPlan.ModeKey] = "container" });

        Assert.Equal(DatabaseTopology.Single, plan.Databases);
        Assert.Equal(TimeSpan.Zero, plan.ReplicationDelay);
    }

    [Theory]
    [InlineData("two-primaries")]
    [InlineData("galera")]
    public void Several_databases_need_the_local_binaries(string topology)
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            Resolve(new() { [HostingPlan.ModeKey] = "container", [HostingPlan.DatabasesKey] = topology }));

        Assert.Contains("Hosting:Mode=local", failure.Message);
    }

    [Theory]
    [InlineData(HostingPlan.DatabasesKey, "three-primaries")]
    [InlineData(HostingPlan.ReplicationDelayKey, "-1")]
    [InlineData(HostingPlan.ReplicationDelayKey, "3601")]
    public void Unknown_topology_or_delay_out_of_range_stops_the_start(string key, string value)
    {
        Assert.Throws<InvalidOperationException>(() => Resolve(new() { [HostingPlan.ModeKey] = "container", [key] = value }));
    }

    [Fact]
    public void Replication_delay_is_whole_seconds()
    {
        var plan = Resolve(new() { [HostingPlan.ModeKey] = "container", [HostingPlan.ReplicationDelayKey] = "2" });

        Assert.Equal(TimeSpan.FromSeconds(2), plan.ReplicationDelay);
    }
}
