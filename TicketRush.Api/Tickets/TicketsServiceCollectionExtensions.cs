namespace TicketRush.Api.Tickets;

internal static class TicketsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TicketService>();
        return builder;
    }
}
