using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketRush.Rush;

/// <summary>
/// Mints buyer tokens (JWT, HMAC-SHA256, <c>sub</c> = buyer id) locally from the key the servers check them with: a lab
/// client (rush, soak, bench, tests) that holds the AppHost's <c>buyer-token-key</c> is its own identity provider, so
/// ten thousand buyers cost no round trips. Credentials are built once and each buyer's token is reused until half
/// its lifetime is gone, so retries and repeat buyers mint nothing.
/// </summary>
public sealed class BuyerTokens(string signingKey, TimeSpan? lifetime = null, string issuer = BuyerTokens.DefaultIssuer, string audience = BuyerTokens.DefaultAudience)
{
    /// <summary>The servers' <c>Buyers:Issuer</c> and <c>Buyers:Audience</c> defaults.</summary>
    public const string DefaultIssuer = "ticketrush";
    public const string DefaultAudience = "ticketrush-api";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256);
    private readonly TimeSpan _lifetime = lifetime ?? TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<long, (string Token, DateTime RenewAfter)> _issued = new();

    /// <summary>A valid token for <paramref name="buyer"/>.</summary>
    public string For(long buyer)
    {
        var now = DateTime.UtcNow;
        if (_issued.TryGetValue(buyer, out var issued) && now < issued.RenewAfter)
        {
            return issued.Token;
        }

        var token = Mint(buyer, now, now + _lifetime);
        _issued[buyer] = (token, now + _lifetime / 2);
        return token;
    }

    /// <summary>A token exactly as asked, uncached: e.g. one that expired, or one signed for another audience.</summary>
    public string Mint(long buyer, DateTime notBefore, DateTime expires, string? forAudience = null) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = forAudience ?? audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = buyer.ToString(CultureInfo.InvariantCulture) },
            SigningCredentials = _credentials,
        });
}
