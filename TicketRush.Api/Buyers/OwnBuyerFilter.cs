using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketRush.Api.Buyers;

/// <summary>
/// Lets a token holder read only their own buyer's resource (a route's <c>{userId}</c>): anyone else's answers what a
/// buyer who is not there would (404), so a stranger learns nothing, not even that the buyer exists.
/// </summary>
internal sealed class OwnBuyerFilter(
    Func<EndpointFilterInvocationContext, long?> routeBuyer,
    Func<EndpointFilterInvocationContext, ProblemHttpResult> notFound,
    BuyerIdentity identity) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var (subject, problem) = identity.Authenticate(context.HttpContext);
        if (problem is not null)
        {
            return problem;
        }

        return subject is { } buyer && routeBuyer(context) != buyer ? notFound(context) : await next(context);
    }
}
