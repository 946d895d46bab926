namespace TicketRush.Contracts;

/// <param name="Topology"><c>single</c> (no replication), <c>several-primaries</c> or <c>galera</c>.</param>
/// <param name="Links">With several primaries, one per primary: the replication it applies from its source.</param>
/// <param name="Nodes">On Galera, one per node: its own view of the cluster.</param>
public sealed record ReplicationResponse(string Topology, IReadOnlyList<ReplicationLinkStatus> Links, IReadOnlyList<GaleraNodeStatus> Nodes);

/// <summary>One Galera node's view of the cluster, as its <c>wsrep_%</c> status variables report it.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Ready">It accepts queries (<c>wsrep_ready</c> ON) and is <c>Synced</c> in a primary component.</param>
/// <param name="State"><c>wsrep_local_state_comment</c>: <c>Synced</c>, <c>Donor/Desynced</c>, <c>Joining</c>, …; <c>unknown</c> when it could not be asked.</param>
/// <param name="ClusterStatus"><c>wsrep_cluster_status</c>: <c>Primary</c> while it is in the component with quorum.</param>
/// <param name="ClusterSize"><c>wsrep_cluster_size</c>: the nodes it sees, itself included.</param>
/// <param name="CertificationFailures"><c>wsrep_local_cert_failures</c>: its transactions refused at commit (error 1213) because another node's commit touched the same rows first.</param>
/// <param name="BruteForceAborts"><c>wsrep_local_bf_aborts</c>: its open transactions aborted to apply another node's commit.</param>
/// <param name="LastError">Why it could not be asked, or null.</param>
public sealed record GaleraNodeStatus(
    string Node, bool Ready, string State, string? ClusterStatus, int? ClusterSize, long? CertificationFailures, long? BruteForceAborts, string? LastError);

/// <summary>One primary's incoming replication, as <c>SHOW SLAVE STATUS</c> reports it.</summary>
/// <param name="Replica">The primary applying the changes.</param>
/// <param name="Source">Where it reads them from (<c>host:port</c>); null when it could not be asked or is not configured.</param>
/// <param name="Running">Both threads run: the I/O thread fetching the source's log and the SQL thread applying it.</param>
/// <param name="IoRunning"><c>Yes</c>, <c>No</c> or <c>Connecting</c>.</param>
/// <param name="SqlRunning"><c>Yes</c> or <c>No</c>.</param>
/// <param name="SecondsBehind">The lag (<c>Seconds_Behind_Master</c>); null while a thread is stopped.</param>
/// <param name="DelaySeconds">The deliberate delay (<c>MASTER_DELAY</c>).</param>
/// <param name="ReceivedGtids">The last GTIDs fetched from the source (<c>Gtid_IO_Pos</c>).</param>
/// <param name="LastError">The replica's last error (<c>1062: Duplicate entry …</c>), or why it could not be asked.</param>
public sealed record ReplicationLinkStatus(
    string Replica, string? Source, bool Running, string IoRunning, string SqlRunning,
    int? SecondsBehind, int? DelaySeconds, string? ReceivedGtids, string? LastError);
