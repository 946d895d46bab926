using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Buyers;

/// <summary>
/// Who a buyer is (section <c>Buyers</c>): bearer tokens (JWT, HMAC-SHA256) whose <c>sub</c> is the buyer id, signed
/// with a key every server shares (the AppHost's <c>buyer-token-key</c> secret).
/// </summary>
internal sealed class BuyerOptions
{
    public const string SectionName = "Buyers";

    /// <summary>Unset: <see cref="BuyerAuthentication.Lab"/> in Development, <see cref="BuyerAuthentication.Required"/> elsewhere.</summary>
    public BuyerAuthentication? Authentication { get; set; }

    /// <summary>The HMAC-SHA256 key tokens are signed with (at least 32 characters, 256 bits).</summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = BuyerTokenDefaults.Issuer;

    [Required]
    public string Audience { get; set; } = BuyerTokenDefaults.Audience;

    /// <summary>How far the servers' clocks may disagree with the issuer's about a token's lifetime.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The lifetime of a token from the development endpoint <c>POST /api/dev/tokens</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
