using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketRush.Api.Buyers;

/// <summary>
/// Mints buyer tokens with the servers' own key, for the development endpoint. The signing credentials are built
/// once: minting is then an HMAC over a few hundred bytes.
/// </summary>
internal sealed class BuyerTokenIssuer(IOptions<BuyerOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(SigningKeyOf(options.Value), SecurityAlgorithms.HmacSha256);

    public (string Token, DateTimeOffset ExpiresAt) Issue(long buyer)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.DevTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object> { [BuyerIdentity.SubjectClaim] = buyer.ToString(CultureInfo.InvariantCulture) },
            SigningCredentials = _credentials,
        });
        return (token, expires);
    }

    /// <summary>The key tokens are signed and checked with: the UTF-8 bytes of <c>Buyers:SigningKey</c>.</summary>
    public static SymmetricSecurityKey SigningKeyOf(BuyerOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));
}
