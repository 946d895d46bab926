using System.Globalization;
using TicketRush.Api.Problems;

namespace TicketRush.Api.Buyers;

/// <summary>
/// Puts the authenticated buyer into the request body before anything reads it, so the limits, the Idempotency-Key's
/// scope, the admission check and the handler all see the token's subject and never a number the client picked. In
/// <see cref="BuyerAuthentication.Required"/> mode a body naming someone else is refused (403) rather than corrected:
/// such a client is confused or hostile, and either should hear it.
/// </summary>
internal sealed class BuyerRequestFilter(BuyerIdentity identity) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var (subject, problem) = identity.Authenticate(context.HttpContext);
        if (problem is not null)
        {
            return problem;
        }

        var index = IndexOfBody(context);
        if (index < 0)
        {
            return await next(context);
        }

        var request = (IBuyerRequest)context.Arguments[index]!;
        if (subject is not { } buyer)
        {
            // Without a token (lab mode) the body must name the buyer; the validation attributes cannot require it, since
            // with a token it may be left out.
            return request.UserId is null
                ? Problem.Invalid("userId", string.Format(CultureInfo.InvariantCulture, ValidationMessages.Required, "userId"))
                : await next(context);
        }

        if (identity.Mode == BuyerAuthentication.Required && request.UserId is { } claimed && claimed != buyer)
        {
            return Problem.BuyerMismatch(claimed);
        }

        context.Arguments[index] = request.ForBuyer(buyer);
        return await next(context);
    }

    private static int IndexOfBody(EndpointFilterInvocationContext context)
    {
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is IBuyerRequest)
            {
                return i;
            }
        }

        return -1;
    }
}
