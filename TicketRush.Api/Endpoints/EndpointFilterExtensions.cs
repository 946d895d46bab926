namespace TicketRush.Api.Endpoints;

internal static class EndpointFilterExtensions
{
    /// <summary>
    /// Adds a filter built once per endpoint from the application's services plus <paramref name="arguments"/> (what
    /// the endpoint tells the filter about its own parameters), rather than once per request.
    /// </summary>
    public static RouteHandlerBuilder AddFilter<TFilter>(this RouteHandlerBuilder endpoint, params object[] arguments)
        where TFilter : IEndpointFilter =>
        endpoint.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = ActivatorUtilities.CreateInstance<TFilter>(factory.ApplicationServices, arguments);
            return context => filter.InvokeAsync(context, next);
        });
}
