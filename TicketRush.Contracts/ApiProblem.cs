namespace TicketRush.Contracts;

/// <summary>What a client reads of the API's ProblemDetails (<c>application/problem+json</c>): every error carries a stable <paramref name="Code"/>.</summary>
/// <param name="Errors">For an invalid request: the fields at fault and what is wrong with each.</param>
public sealed record ApiProblem(int Status, string? Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors = null)
{
    public const string MediaType = "application/problem+json";
}
