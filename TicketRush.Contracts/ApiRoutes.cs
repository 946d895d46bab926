using System.Globalization;

namespace TicketRush.Contracts;

/// <summary>
/// The API's routes: the templates the servers map (<c>…Template</c>) and the paths a client calls, built from the same text.
/// </summary>
public static class ApiRoutes
{
    public const string Tickets = "/api/tickets";
    public const string TicketTemplate = "/{id:long}";
    public const string OrdersTemplate = Tickets + "/{id:long}/orders";
    public const string OrderTemplate = "/{orderId:long}";
    public const string QueueTemplate = Tickets + "/{id:long}/queue";
    public const string QueueStatusTemplate = "/{userId:long}";
    public const string Strategies = "/api/strategies";
    public const string AdminFaults = "/api/admin/faults";
    public const string AdminReplication = "/api/admin/replication";

    /// <summary>Development only: mints a buyer token.</summary>
    public const string DevTokens = "/api/dev/tokens";

    /// <summary>The waiting page a browser buyer opens (HTML, not JSON).</summary>
    public const string WaitingPageTemplate = "/tickets/{id:long}/wait";

    /// <summary>Readiness: every dependency answers.</summary>
    public const string Health = "/health";

    /// <summary>Liveness: the process answers.</summary>
    public const string Alive = "/alive";

    public static string Ticket(long ticketId) => Invariant($"{Tickets}/{ticketId}");

    /// <summary>Where a purchase is posted, and the orders are listed.</summary>
    public static string Orders(long ticketId) => Invariant($"{Tickets}/{ticketId}/orders");

    /// <summary>The first page of a ticket's orders; each page links the next (<see cref="OrdersAfter"/>).</summary>
    public static string OrdersFirstPage(long ticketId, int pageSize) => Invariant($"{Orders(ticketId)}?pageSize={pageSize}");

    /// <summary>The page after order <paramref name="afterOrderId"/> (keyset paging), of one buyer's orders when <paramref name="userId"/> is given.</summary>
    public static string OrdersAfter(long ticketId, long afterOrderId, int pageSize, long? userId = null) =>
        Invariant($"{Orders(ticketId)}?after={afterOrderId}&pageSize={pageSize}{(userId is null ? "" : Invariant($"&userId={userId}"))}");

    /// <summary>One order; a purchase's <c>Location</c>.</summary>
    public static string Order(long ticketId, long orderId) => Invariant($"{Orders(ticketId)}/{orderId}");

    public static string Queue(long ticketId) => Invariant($"{Tickets}/{ticketId}/queue");

    public static string QueueStatus(long ticketId, long userId) => Invariant($"{Queue(ticketId)}/{userId}");

    public static string WaitingPage(long ticketId) => Invariant($"/tickets/{ticketId}/wait");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
