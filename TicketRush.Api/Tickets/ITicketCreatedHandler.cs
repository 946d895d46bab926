using TicketRush.Api.Data;

namespace TicketRush.Api.Tickets;

/// <summary>Something to prepare when a ticket goes on sale (e.g. a Redis stock counter). Failures are logged, not fatal.</summary>
public interface ITicketCreatedHandler
{
    Task OnTicketCreatedAsync(Ticket ticket, CancellationToken cancellationToken);
}
