using TicketRush.Api.Idempotency;

namespace TicketRush.UnitTests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"with space\"", "with space")]
    [InlineData("\"quote \\\" and backslash \\\\\"", "quote \" and backslash \\")]
    [InlineData("  padded  ", "padded")]
    public void Quoted_and_bare_keys_parse_to_their_characters(string header, string expected)
    {
        Assert.True(IdempotencyKey.TryParse(header, out var key));
        Assert.Equal(expected, key.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("\"unterminated")]
    [InlineData("\"a\"b\"")]
    [InlineData("\"bad \\q escape\"")]
    [InlineData("\"ends in a backslash\\\"")]
    [InlineData("two words")]
    [InlineData("abc\"def")]
    [InlineData("back\\slash")]
    [InlineData("tab\tinside")]
    [InlineData("ключ")]
    public void Malformed_keys_are_refused(string? header) => Assert.False(IdempotencyKey.TryParse(header, out _));

    [Fact]
    public void A_key_may_have_255_characters_not_256()
    {
        Assert.True(IdempotencyKey.TryParse(new string('k', 255), out _));
        Assert.True(IdempotencyKey.TryParse($"\"{new string('k', 255)}\"", out _));
        Assert.False(IdempotencyKey.TryParse(new string('k', 256), out _));
        Assert.False(IdempotencyKey.TryParse($"\"{new string('k', 256)}\"", out _));
    }

    [Fact]
    public void The_stored_key_is_scoped_and_hashed()
    {
        var key = new IdempotencyKey("secret-key");

        var first = new IdempotentRequest(key, "ticket:1:buyer:1", "f").RedisKey;
        var otherBuyer = new IdempotentRequest(key, "ticket:1:buyer:2", "f").RedisKey;
        var otherTicket = new IdempotentRequest(key, "ticket:2:buyer:1", "f").RedisKey;

        Assert.Equal(3, new[] { first, otherBuyer, otherTicket }.Distinct().Count());
        Assert.DoesNotContain("secret-key", first, StringComparison.Ordinal);
    }
}
