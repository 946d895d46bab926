namespace TicketRush.Api.Idempotency;

/// <summary>The answer a keyed request got the first time, replayed to every retry with the same key.</summary>
internal sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);
