using System.Security.Cryptography;
using System.Text;

namespace TicketRush.Api.Idempotency;

/// <summary>
/// A keyed request: its key is scoped by the buyer who sent it, and its fingerprint (what it asks for) must match
/// on every retry.
/// </summary>
public sealed record IdempotentRequest(IdempotencyKey Key, long Buyer, string Fingerprint)
{
    /// <summary>The key is hashed: any 255 characters make a short Redis key, and the buyer's key is not stored readable.</summary>
    public string RedisKey { get; } = $"ticketrush:idempotency:{Buyer}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key.Value)))}";
}
