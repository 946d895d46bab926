namespace TicketRush.Tests.Topologies;

public sealed record ReplicationDto(string Topology, List<ReplicationLinkDto> Links);

public sealed record ReplicationLinkDto(
    string Replica, string? Source, bool Running, string IoRunning, string SqlRunning,
    int? SecondsBehind, int? DelaySeconds, string? ReceivedGtids, string? LastError);

/// <summary>A ticket as the API shows it with several databases: where its sales are written.</summary>
public sealed record HomedTicketDto(long Id, int TotalStock, string Strategy, string Writes, string? HomeDatabase);
