using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TicketRush.Api.Problems;

namespace TicketRush.Api.Buyers;

/// <summary>Who the buyer of a request is, as its bearer token (validated by the JwtBearer handler) says.</summary>
internal sealed class BuyerIdentity(IOptions<BuyerOptions> options)
{
    public const string SubjectClaim = "sub";

    public BuyerAuthentication Mode { get; } = options.Value.Authentication ?? BuyerAuthentication.Required;

    /// <summary>
    /// The subject of the request's token, or null when none was sent and the mode lets the body name the buyer; a
    /// 401 when a token was sent but is not valid (in every mode: a bad token never falls back to the body), or when
    /// the mode requires one.
    /// </summary>
    public (long? Subject, ProblemHttpResult? Problem) Authenticate(HttpContext http)
    {
        if (SubjectOf(http.User) is { } subject)
        {
            return (subject, null);
        }

        if (http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return (null, Challenge(http, Problem.InvalidBuyerToken()));
        }

        return Mode == BuyerAuthentication.Required ? (null, Challenge(http, Problem.BuyerUnauthenticated())) : (null, null);
    }

    private static long? SubjectOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && long.TryParse(user.FindFirstValue(SubjectClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var buyer)
        && buyer >= 1
            ? buyer
            : null;

    // RFC 6750: a 401 names the scheme the client should authenticate with.
    private static ProblemHttpResult Challenge(HttpContext http, ProblemHttpResult problem)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return problem;
    }
}
