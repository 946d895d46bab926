namespace TicketRush.Api.Servers.Health;

/// <summary>One dependency's cheapest "are you there" (MySQL <c>SELECT 1</c>, Redis <c>PING</c>), probed off the request path.</summary>
internal interface IDependencyPing
{
    /// <summary>The health-check name it reports under.</summary>
    string Name { get; }

    Task PingAsync(CancellationToken cancellationToken);
}
