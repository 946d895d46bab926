using Microsoft.Extensions.Options;
using TicketRush.Api.WaitingRoom;

namespace TicketRush.UnitTests.WaitingRoom;

public sealed class AdmissionTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly AdmissionToken _tokens = Create("a-key-of-at-least-thirty-two-characters-0001");

    private static AdmissionToken Create(string key) => new(Options.Create(new WaitingRoomOptions { TokenKey = key }));

    [Fact]
    public void A_token_is_valid_for_its_ticket_and_buyer_until_it_expires()
    {
        var token = _tokens.Issue(7, 42, Now.AddSeconds(30));

        Assert.True(_tokens.IsValid(token, 7, 42, Now));
        Assert.True(_tokens.IsValid(token, 7, 42, Now.AddSeconds(29.9)));
        Assert.False(_tokens.IsValid(token, 7, 42, Now.AddSeconds(30)));
    }

    [Fact]
    public void A_token_is_not_valid_for_another_ticket_or_buyer()
    {
        var token = _tokens.Issue(7, 42, Now.AddSeconds(30));

        Assert.False(_tokens.IsValid(token, 8, 42, Now));
        Assert.False(_tokens.IsValid(token, 7, 43, Now));
    }

    [Fact]
    public void A_token_signed_with_another_key_or_altered_is_refused()
    {
        var token = _tokens.Issue(7, 42, Now.AddSeconds(30));
        var otherKeys = Create("another-key-of-at-least-thirty-two-chars-02").Issue(7, 42, Now.AddSeconds(30));
        var payload = Convert.ToBase64String("7:42:99999999999999"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var extended = $"{payload}.{token.Split('.')[1]}";

        Assert.False(_tokens.IsValid(otherKeys, 7, 42, Now));
        Assert.False(_tokens.IsValid(extended, 7, 42, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Garbage_is_refused(string? token) => Assert.False(_tokens.IsValid(token, 7, 42, Now));
}
