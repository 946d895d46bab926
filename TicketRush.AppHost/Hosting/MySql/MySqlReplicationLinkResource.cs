namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// One direction of replication: <see cref="Parent"/> applies what <see cref="Source"/> writes. Healthy while both of
/// the replica's threads run. Its connection string logs in to the replica as a monitor that may read the replication
/// state (<c>SHOW SLAVE STATUS</c>) and nothing else.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="source">The primary whose binary log is read.</param>
/// <param name="replica">The primary that applies it.</param>
/// <param name="monitorPassword">The monitor login's password, the same on every server of the topology.</param>
/// <param name="delay">How far the replica deliberately stays behind (<c>MASTER_DELAY</c>).</param>
public sealed class MySqlReplicationLinkResource(
    string name, IMySqlServerResource source, IMySqlServerResource replica, ParameterResource monitorPassword, TimeSpan delay)
    : Resource(name), IResourceWithParent<IMySqlServerResource>, IResourceWithConnectionString
{
    /// <summary>The user name of the monitor login on every server of the topology.</summary>
    public const string MonitorUserName = "ticketrush_monitor";

    /// <summary>The primary whose binary log is read.</summary>
    public IMySqlServerResource Source { get; } = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The primary that applies it, where the link's state is kept.</summary>
    public IMySqlServerResource Parent { get; } = replica ?? throw new ArgumentNullException(nameof(replica));

    /// <summary>The monitor login's password.</summary>
    public ParameterResource MonitorPassword { get; } = monitorPassword ?? throw new ArgumentNullException(nameof(monitorPassword));

    /// <summary>How far the replica deliberately stays behind its source.</summary>
    public TimeSpan Delay { get; } = delay;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => MySqlConnectionString.For(Parent, MonitorUserName, MonitorPassword);
}
