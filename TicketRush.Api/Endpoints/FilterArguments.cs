using System.Globalization;

namespace TicketRush.Api.Endpoints;

/// <summary>
/// What an endpoint filter reads of a request, by type and by name rather than by the handler's parameter positions,
/// so reordering a handler's parameters cannot make a filter read the wrong one.
/// </summary>
internal static class FilterArguments
{
    /// <summary>The handler's argument of type <typeparamref name="T"/> (e.g. its request body), or null.</summary>
    public static T? Body<T>(this EndpointFilterInvocationContext context) where T : class =>
        context.Arguments.OfType<T>().FirstOrDefault();

    /// <summary>A whole-number route value such as a ticket's <c>{id}</c>; null when absent (the route constraint guarantees its form).</summary>
    public static long? RouteNumber(this EndpointFilterInvocationContext context, string name) =>
        context.HttpContext.Request.RouteValues[name] is { } value
        && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>A query string value, or null when absent.</summary>
    public static string? Query(this EndpointFilterInvocationContext context, string name) =>
        context.HttpContext.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
