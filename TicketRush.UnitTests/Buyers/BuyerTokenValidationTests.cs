using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using TicketRush.Api.Buyers;
using TicketRush.Rush;

namespace TicketRush.UnitTests.Buyers;

/// <summary>
/// The servers' token checks as <c>AddBuyers</c> configures them, against tokens the lab's clients mint: the two sides
/// agree on issuer and audience by default, and every check the issue asks for bites.
/// </summary>
public sealed class BuyerTokenValidationTests
{
    private const string Key = "unit-test-buyer-key-0123456789-0123456789";

    [Fact]
    public async Task A_client_minted_token_is_valid_and_its_subject_is_the_buyer()
    {
        var result = await ValidateAsync(new BuyerTokens(Key).For(42));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("42", result.ClaimsIdentity.FindFirst(BuyerIdentity.SubjectClaim)?.Value);
    }

    [Fact]
    public async Task Expired_forged_foreign_audience_and_foreign_issuer_tokens_are_refused()
    {
        var now = DateTime.UtcNow;
        var tokens = new BuyerTokens(Key);
        string[] refused =
        [
            tokens.Mint(42, now.AddMinutes(-5), now.AddSeconds(-6)), // just past the 5 s skew
            new BuyerTokens("another-key-0123456789-0123456789-0123456789").For(42),
            tokens.Mint(42, now, now.AddMinutes(5), forAudience: "another-api"),
            new BuyerTokens(Key, issuer: "someone-else").For(42),
        ];

        foreach (var token in refused)
        {
            Assert.False((await ValidateAsync(token)).IsValid, token);
        }
    }

    [Fact]
    public async Task A_token_within_the_clock_skew_of_its_expiry_is_still_accepted()
    {
        var now = DateTime.UtcNow;

        var result = await ValidateAsync(new BuyerTokens(Key).Mint(42, now.AddMinutes(-5), now.AddSeconds(-2)));

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Theory]
    [InlineData("Development", nameof(BuyerAuthentication.Lab))]
    [InlineData("Production", nameof(BuyerAuthentication.Required))]
    [InlineData("Staging", nameof(BuyerAuthentication.Required))]
    public void Authentication_defaults_to_lab_only_in_Development(string environment, string expected)
    {
        using var host = Build(environment, []);

        Assert.Equal(expected, host.Services.GetRequiredService<BuyerIdentity>().Mode.ToString());
    }

    [Theory]
    [InlineData("Buyers:SigningKey", "too-short")]
    [InlineData("Buyers:Authentication", "anonymous")]
    [InlineData("Buyers:ClockSkew", "01:00:00")]
    public void A_bad_setting_stops_the_start(string key, string value)
    {
        using var host = Build("Production", new() { [key] = value });

        Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<IOptions<BuyerOptions>>().Value);
    }

    private static async Task<Microsoft.IdentityModel.Tokens.TokenValidationResult> ValidateAsync(string token)
    {
        using var host = Build("Production", []);
        var jwt = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, jwt.TokenValidationParameters);
    }

    private static IHost Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Buyers:SigningKey"] = Key });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBuyers();
        return builder.Build();
    }
}
