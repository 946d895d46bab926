using Microsoft.Extensions.Options;

namespace TicketRush.Api.Servers;

/// <summary>Stamps every response with the server that produced it, so a client can see how a rush was split.</summary>
internal static class ServedByHeader
{
    public static IApplicationBuilder UseServedByHeader(this IApplicationBuilder app)
    {
        var serverName = app.ApplicationServices.GetRequiredService<IOptions<ServerOptions>>().Value.Name;
        return app.Use((context, next) =>
        {
            context.Response.Headers[ApiHeaders.ServedBy] = serverName;
            return next(context);
        });
    }
}
