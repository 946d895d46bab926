using System.Security.Cryptography;
using System.Text;

namespace TicketRush.Api.Idempotency;

/// <summary>
/// A keyed request: its key is scoped by what it acts on and who sent it (e.g. ticket and buyer), so a key used on one
/// ticket never collides with the same key on another; its fingerprint (what it asks for) must match on every retry.
/// </summary>
internal sealed record IdempotentRequest(IdempotencyKey Key, string Scope, string Fingerprint)
{
    /// <summary>The key is hashed: any 255 characters make a short Redis key, and the buyer's key is not stored readable.</summary>
    public string RedisKey { get; } = $"ticketrush:idempotency:{Scope}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key.Value)))}";
}
