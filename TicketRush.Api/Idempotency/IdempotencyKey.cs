using System.Diagnostics.CodeAnalysis;

namespace TicketRush.Api.Idempotency;

/// <summary>
/// The value of an <c>Idempotency-Key</c> header (draft-ietf-httpapi-idempotency-key-header): a structured-field
/// string such as <c>"8e03978e-40d5-43e8-bc93-6894a57f9324"</c>, or the same characters bare, as many clients send it.
/// </summary>
internal sealed record IdempotencyKey(string Value)
{
    public const int MaxLength = 255;

    /// <summary>Parses a header value; false when it is empty, too long, or not a valid structured-field string.</summary>
    public static bool TryParse(string? header, [NotNullWhen(true)] out IdempotencyKey? key)
    {
        key = null;
        var text = header?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string value;
        if (text[0] == '"')
        {
            if (!TryUnquote(text, out value))
            {
                return false;
            }
        }
        else
        {
            // Bare: printable ASCII without the characters that only a quoted string may carry.
            if (text.Any(c => c is < '!' or > '~' or '"' or '\\'))
            {
                return false;
            }

            value = text;
        }

        if (value.Length is 0 or > MaxLength)
        {
            return false;
        }

        key = new IdempotencyKey(value);
        return true;
    }

    // RFC 8941 sf-string: DQUOTE *( unescaped / "\" ( DQUOTE / "\" ) ) DQUOTE, printable ASCII only.
    private static bool TryUnquote(string text, out string value)
    {
        value = "";
        if (text.Length < 2 || text[^1] != '"')
        {
            return false;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c is < ' ' or > '~' || c == '"')
            {
                return false;
            }

            if (c == '\\')
            {
                if (++i >= text.Length - 1 || text[i] is not ('"' or '\\'))
                {
                    return false;
                }

                c = text[i];
            }

            builder.Append(c);
        }

        value = builder.ToString();
        return true;
    }
}
