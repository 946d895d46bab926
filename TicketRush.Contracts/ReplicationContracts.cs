namespace TicketRush.Contracts;

/// <param name="Topology"><c>single</c> (no replication) or <c>several-primaries</c>.</param>
/// <param name="Links">One per primary: the replication it applies from its source.</param>
public sealed record ReplicationResponse(string Topology, IReadOnlyList<ReplicationLinkStatus> Links);

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
