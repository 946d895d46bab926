using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TicketRush.Api.WaitingRoom;

/// <summary>
/// An admission as the buyer carries it in <c>Admission-Token</c>: ticket, buyer and expiry, signed with HMAC-SHA256.
/// Any server checks it without asking Redis, so a purchase needs no extra round trip to be admitted.
/// </summary>
internal sealed class AdmissionToken(IOptions<WaitingRoomOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.TokenKey);

    public string Issue(long ticketId, long userId, DateTimeOffset expires)
    {
        var payload = Payload(ticketId, userId, expires.ToUnixTimeMilliseconds());
        return $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{Base64Url.EncodeToString(Sign(payload))}";
    }

    /// <summary>True when <paramref name="token"/> was signed by us for this ticket and buyer and has not expired at <paramref name="now"/>.</summary>
    public bool IsValid(string? token, long ticketId, long userId, DateTimeOffset now)
    {
        var parts = token?.Split('.');
        if (parts is not [var payloadPart, var signaturePart])
        {
            return false;
        }

        try
        {
            var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(payloadPart));
            var fields = payload.Split(':');
            return fields is [var ticket, var user, var expiry]
                && CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(signaturePart), Sign(payload))
                && ticket == ticketId.ToString(CultureInfo.InvariantCulture)
                && user == userId.ToString(CultureInfo.InvariantCulture)
                && long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
                && now.ToUnixTimeMilliseconds() < expiresAt;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Payload(long ticketId, long userId, long expiresAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{ticketId}:{userId}:{expiresAt}");

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));
}
