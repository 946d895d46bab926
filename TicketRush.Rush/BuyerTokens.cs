using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TicketRush.Rush;

/// <summary>
/// Mints buyer tokens (JWT, HS256, <c>sub</c> = buyer id) locally from the key the servers check them with: a lab
/// client (rush, soak, bench, tests) that holds the AppHost's <c>buyer-token-key</c> is its own identity provider, so
/// ten thousand buyers cost no round trips. A token is one HMAC over a fixed header and a small payload: 9 µs a token on
/// the lab box, where a general JWT library (JsonWebTokenHandler) took 60 µs, enough to stagger a rush's release.
/// Each buyer's token is reused until half its lifetime is gone, so retries and repeat buyers mint nothing.
/// </summary>
public sealed class BuyerTokens(string signingKey, TimeSpan? lifetime = null, string issuer = BuyerTokens.DefaultIssuer, string audience = BuyerTokens.DefaultAudience)
{
    /// <summary>The servers' <c>Buyers:Issuer</c> and <c>Buyers:Audience</c> defaults.</summary>
    public const string DefaultIssuer = BuyerTokenDefaults.Issuer;
    public const string DefaultAudience = BuyerTokenDefaults.Audience;

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingKey);
    private readonly TimeSpan _lifetime = lifetime ?? TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<long, (string Token, DateTimeOffset RenewAfter)> _issued = new();

    /// <summary>A valid token for <paramref name="buyer"/>.</summary>
    public string For(long buyer)
    {
        var now = DateTimeOffset.UtcNow;
        if (_issued.TryGetValue(buyer, out var issued) && now < issued.RenewAfter)
        {
            return issued.Token;
        }

        var token = Mint(buyer, now, now + _lifetime);
        _issued[buyer] = (token, now + _lifetime / 2);
        return token;
    }

    /// <summary>A token exactly as asked, uncached: e.g. one that expired, or one signed for another audience.</summary>
    public string Mint(long buyer, DateTimeOffset notBefore, DateTimeOffset expires, string? forAudience = null)
    {
        var payload = new ArrayBufferWriter<byte>(256);
        using (var claims = new Utf8JsonWriter(payload))
        {
            claims.WriteStartObject();
            claims.WriteString("iss", issuer);
            claims.WriteString("aud", forAudience ?? audience);
            claims.WriteString("sub", buyer.ToString(CultureInfo.InvariantCulture));
            claims.WriteNumber("iat", notBefore.ToUnixTimeSeconds());
            claims.WriteNumber("nbf", notBefore.ToUnixTimeSeconds());
            claims.WriteNumber("exp", expires.ToUnixTimeSeconds());
            claims.WriteEndObject();
        }

        var signed = $"{Header}.{Base64Url.EncodeToString(payload.WrittenSpan)}";
        return $"{signed}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)))}";
    }
}
