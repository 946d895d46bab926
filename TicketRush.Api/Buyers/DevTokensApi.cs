using Microsoft.AspNetCore.Http.HttpResults;
using TicketRush.Api.Problems;

namespace TicketRush.Api.Buyers;

/// <summary>
/// Development only: a token for any buyer, so the buyer page and hand-run tools can authenticate without an identity
/// provider. Anyone who can reach it can be anyone, which is why it exists only in Development.
/// </summary>
internal static class DevTokensApi
{
    public static IEndpointRouteBuilder MapDevTokensApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return app;
        }

        app.MapPost(ApiRoutes.DevTokens, IssueDevToken)
            .WithTags("Development")
            .WithName(nameof(IssueDevToken))
            .WithSummary("Mint a buyer token for userId (Development only)");
        return app;
    }

    public static Results<Ok<DevTokenResponse>, ProblemHttpResult> IssueDevToken(DevTokenRequest request, BuyerTokenIssuer issuer)
    {
        if (request.UserId is not >= 1)
        {
            return Problem.Invalid("userId", "userId is required, an integer of at least 1.");
        }

        var (token, expires) = issuer.Issue(request.UserId.Value);
        return TypedResults.Ok(new DevTokenResponse(token, expires));
    }
}
