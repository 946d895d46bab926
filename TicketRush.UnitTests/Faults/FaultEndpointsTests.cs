using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using TicketRush.Api.Faults;

namespace TicketRush.UnitTests.Faults;

/// <summary>Fault endpoints exist only when enabled, and never in Production.</summary>
public sealed class FaultEndpointsTests
{
    private static HostingEnvironment In(string environment) => new() { EnvironmentName = environment };

    [Fact]
    public void Never_mapped_in_Production_even_when_enabled()
    {
        Assert.False(FaultsApi.AreMapped(new FaultInjectionOptions { Enabled = true }, In(Environments.Production)));
        Assert.False(FaultsApi.AreMapped(new FaultInjectionOptions { Enabled = false }, In(Environments.Production)));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void Mapped_outside_Production_only_when_enabled(string environment)
    {
        Assert.True(FaultsApi.AreMapped(new FaultInjectionOptions { Enabled = true }, In(environment)));
        Assert.False(FaultsApi.AreMapped(new FaultInjectionOptions { Enabled = false }, In(environment)));
    }

    [Fact]
    public void Off_by_default()
    {
        Assert.False(FaultsApi.AreMapped(new FaultInjectionOptions(), In(Environments.Development)));
    }
}
