using Aspire.Hosting.ApplicationModel;

namespace TicketRush.UnitTests.Hosting;

/// <summary>A Galera node's server flags: node 1 bootstraps, every listener on loopback with its own port.</summary>
public sealed class GaleraNodeTests
{
    private static readonly int[] GroupPorts = [4561, 4562, 4563];

    private static MySqlGaleraNode Node(int number) => new(number, "mysql", GroupPorts, 4570 + number, 4580 + number, "/usr/lib/galera/libgalera_smm.so");

    [Fact]
    public void Only_node_one_bootstraps_and_is_installed()
    {
        Assert.Contains("--wsrep-new-cluster", Node(1).ServerArguments("mysql-1"));
        Assert.True(((IMySqlServerRole)Node(1)).InstallsDataDirectory);
        Assert.DoesNotContain("--wsrep-new-cluster", Node(2).ServerArguments("mysql-2"));
        Assert.False(((IMySqlServerRole)Node(2)).InstallsDataDirectory);
    }

    [Fact]
    public void Every_port_is_its_own_and_on_loopback()
    {
        var arguments = Node(2).ServerArguments("mysql-2").ToList();

        Assert.Contains("--wsrep-cluster-address=gcomm://127.0.0.1:4561,127.0.0.1:4562,127.0.0.1:4563", arguments);
        Assert.Contains("--wsrep-node-address=127.0.0.1:4562", arguments);
        Assert.Contains("--wsrep-provider-options=base_port=4562;gmcast.listen_addr=tcp://127.0.0.1:4562;ist.recv_addr=127.0.0.1:4572;gcache.size=64M", arguments);
        Assert.Contains("--wsrep-sst-receive-address=127.0.0.1:4582", arguments);
    }

    [Fact]
    public void A_root_apphost_runs_nodes_as_mysql_for_the_rsync_transfer()
    {
        Assert.Equal("mysql", ((IMySqlServerRole)Node(3)).AccountUnderRoot);
        Assert.Equal("root", ((IMySqlServerRole)MySqlStandaloneRole.Instance).AccountUnderRoot);
    }

    [Fact]
    public void Node_one_is_marked_safe_to_bootstrap_again_from_kept_data()
    {
        Assert.Contains("safe_to_bootstrap: 1", ((IMySqlServerRole)Node(1)).PrepareDataDirectory("/d"));
        Assert.Equal("", ((IMySqlServerRole)Node(2)).PrepareDataDirectory("/d"));
    }
}
