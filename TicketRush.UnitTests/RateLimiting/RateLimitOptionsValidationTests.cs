using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketRush.Api.RateLimiting;

namespace TicketRush.UnitTests.RateLimiting;

/// <summary>The limits as the API registers them (<c>AddRateLimits</c>): nested windows are validated too.</summary>
public sealed class RateLimitOptionsValidationTests
{
    private static RateLimitOptions Resolve(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddRateLimits();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_valid() => Assert.Equal(30, Resolve([]).PerBuyer.PermitLimit);

    [Theory]
    [InlineData("RateLimits:PerBuyer:PermitLimit", "0", "PermitLimit")]
    [InlineData("RateLimits:PerAddress:PermitLimit", "-1", "PermitLimit")]
    [InlineData("RateLimits:PerBuyer:Window", "00:00:00", "Window")]
    [InlineData("RateLimits:PerAddress:Window", "2.00:00:00", "Window")]
    public void A_nested_window_out_of_range_stops_the_start_naming_it(string key, string value, string member)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
        Assert.Contains(failure.Failures, message => message.Contains(member, StringComparison.Ordinal));
    }

    [Fact]
    public void Exempt_addresses_must_be_ip_addresses()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["RateLimits:ExemptAddresses:0"] = "localhost" }));
    }
}
