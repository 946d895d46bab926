namespace TicketRush.Contracts;

/// <summary>Development only: which buyer a minted token is for.</summary>
public sealed record DevTokenRequest(long? UserId);

public sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);
