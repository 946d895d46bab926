namespace TicketRush.Gateway;

/// <summary>The gateway's own settings (section <c>Gateway</c>); routing, health checks and timeouts are YARP's <c>ReverseProxy</c> section.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>How long connecting to a server may take: a dead server is skipped at once, not after the OS's minutes.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
