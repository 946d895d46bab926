namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Who a primary is among <paramref name="Count"/> that replicate each other: its server id, its GTID domain (so the
/// two write streams never share sequence numbers) and its slot among interleaved auto-increment values (so rows
/// inserted on both sides never take the same id).
/// </summary>
/// <param name="ServerId">1-based; also the GTID domain and the auto-increment offset.</param>
/// <param name="Count">How many primaries write: the auto-increment step.</param>
internal sealed record MySqlPrimaryIdentity(int ServerId, int Count) : IMySqlServerRole
{
    /// <summary>The server flags that make a local MariaDB such a primary, with log names that do not depend on the host name.</summary>
    public IEnumerable<string> ServerArguments(string name) =>
    [
        $"--log-basename={name}",
        "--log-bin",
        "--log-slave-updates",
        "--binlog-format=ROW",
        $"--server-id={ServerId}",
        $"--gtid-domain-id={ServerId}",
        $"--auto-increment-increment={Count}",
        $"--auto-increment-offset={ServerId}",
    ];
}
