using TicketRush.AppHost.Hosting;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// One node of a Galera cluster on loopback: its group-communication, incremental-transfer (IST) and state-transfer
/// (SST) ports, every node's group port (the cluster address), and whether it bootstraps the cluster.
/// </summary>
/// <param name="Number">1-based; node 1 bootstraps (<c>--wsrep-new-cluster</c>), the others join it.</param>
/// <param name="ClusterName">The cluster's name, the same on every node.</param>
/// <param name="GroupPorts">Every node's group-communication port, in node order.</param>
/// <param name="TransferPort">This node's IST port.</param>
/// <param name="SnapshotPort">This node's SST (rsync) port.</param>
/// <param name="Provider">The full path of <c>libgalera_smm.so</c>.</param>
internal sealed record MySqlGaleraNode(int Number, string ClusterName, IReadOnlyList<int> GroupPorts, int TransferPort, int SnapshotPort, string Provider)
    : IMySqlServerRole
{
    /// <summary>Where Debian's <c>galera-4</c> installs the provider.</summary>
    public const string DebianProvider = "/usr/lib/galera/libgalera_smm.so";

    /// <summary>The account Debian's <c>mariadb-server</c> creates, owner of a node's files when the AppHost is root.</summary>
    public const string ServiceAccount = "mysql";

    public bool Bootstraps => Number == 1;

    private int GroupPort => GroupPorts[Number - 1];

    /// <summary>Only the bootstrapping node is installed; a joiner starts empty and receives node 1's data by rsync.</summary>
    public bool InstallsDataDirectory => Bootstraps;

    /// <summary>rsync's daemon, run by a root server, drops to <c>nobody</c> and cannot write the data directory.</summary>
    public string AccountUnderRoot => ServiceAccount;

    /// <summary>
    /// Lets the bootstrapping node found the cluster again from a kept data directory: Galera marks only the node that left
    /// last as safe to bootstrap, and the AppHost stops its resources in no set order. Node 1 is the authority at every
    /// start of the AppHost; the joiners take its state.
    /// </summary>
    public string PrepareDataDirectory(string dataDirectory) =>
        Bootstraps
            ? $" && {{ test ! -f '{dataDirectory}/grastate.dat' || sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' '{dataDirectory}/grastate.dat'; }}"
            : "";

    /// <summary>
    /// Every port set explicitly, each listener on loopback: Galera's group listener otherwise binds 0.0.0.0 and the state
    /// transfer port defaults to 4444 for every node.
    /// </summary>
    public IEnumerable<string> ServerArguments(string name) =>
    [
        "--wsrep-on=ON",
        $"--wsrep-provider={Provider}",
        $"--wsrep-cluster-name={ClusterName}",
        $"--wsrep-cluster-address=gcomm://{string.Join(",", GroupPorts.Select(port => $"127.0.0.1:{port}"))}",
        $"--wsrep-node-name={name}",
        $"--wsrep-node-address=127.0.0.1:{GroupPort}",
        $"--wsrep-provider-options=base_port={GroupPort};gmcast.listen_addr=tcp://127.0.0.1:{GroupPort};ist.recv_addr=127.0.0.1:{TransferPort};gcache.size=64M",
        "--wsrep-sst-method=rsync",
        $"--wsrep-sst-receive-address=127.0.0.1:{SnapshotPort}",
        "--binlog-format=ROW",
        "--default-storage-engine=InnoDB",
        // Galera needs interleaved auto-increment locking; it sets each node's offset itself (wsrep_auto_increment_control).
        "--innodb-autoinc-lock-mode=2",
        "--skip-log-bin",
        // Causal reads: a read waits until this node has applied every commit the cluster acknowledged before it, so a
        // server reading its node sees a sale another node just acknowledged (the apply is otherwise asynchronous).
        "--wsrep-sync-wait=1",
        .. Bootstraps ? ["--wsrep-new-cluster"] : Array.Empty<string>(),
    ];

    /// <summary>Three nodes' roles with free ports: one to bootstrap, two to join (two of three keep a quorum).</summary>
    public static IReadOnlyList<MySqlGaleraNode> Cluster(string clusterName, int count)
    {
        var provider = File.Exists(DebianProvider)
            ? DebianProvider
            : throw new InvalidOperationException($"Hosting:Databases=galera needs the Galera provider {DebianProvider} (Debian/Ubuntu: 'sudo apt-get install -y galera-4 rsync').");
        var groupPorts = Enumerable.Range(0, count).Select(_ => FreePort.Next()).ToList();
        return [.. Enumerable.Range(1, count).Select(number => new MySqlGaleraNode(number, clusterName, groupPorts, FreePort.Next(), FreePort.Next(), provider))];
    }
}
