namespace TicketRush.Api.Orders;

internal static class OrdersServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrderQueries>();
        return builder;
    }
}
