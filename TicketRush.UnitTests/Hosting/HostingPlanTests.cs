using Microsoft.Extensions.Configuration;
using TicketRush.AppHost.Hosting;

namespace TicketRush.UnitTests.Hosting;

/// <summary>
/// Resolving <c>Hosting:Mode</c>. Only paths that do not depend on what is installed here are pinned down exactly;
/// <c>auto</c> is left out because it probes for a container runtime.
/// </summary>
public sealed class HostingPlanTests
{
    private static readonly string AppHostDirectory = Path.Combine(Path.GetTempPath(), "ticketrush-apphost");

    private static HostingPlan Resolve(Dictionary<string, string?> settings) =>
        HostingPlan.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), AppHostDirectory);

    [Theory]
    [InlineData("container")]
    [InlineData("Container")]
    [InlineData("CONTAINER")]
    public void Explicit_container_mode_stays_container(string mode)
    {
        var plan = Resolve(new() { [HostingPlan.ModeKey] = mode });

        Assert.Equal(HostingMode.Container, plan.Mode);
    }

    [Fact]
    public void Data_directory_defaults_to_dot_data_beside_the_AppHost()
    {
        var plan = Resolve(new() { [HostingPlan.ModeKey] = "container" });

        Assert.Equal(Path.GetFullPath(Path.Combine(AppHostDirectory, ".data")), plan.DataDirectory);
    }

    [Fact]
    public void Configured_data_directory_overrides_the_default_as_a_full_path()
    {
        var configured = Path.Combine(Path.GetTempPath(), "elsewhere", "..", "ticketrush-data");

        var plan = Resolve(new() { [HostingPlan.ModeKey] = "container", [HostingPlan.DataDirectoryKey] = configured });

        Assert.Equal(Path.GetFullPath(configured), plan.DataDirectory);
        Assert.True(Path.IsPathFullyQualified(plan.DataDirectory));
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("docker")]
    [InlineData("7")]
    public void Unknown_mode_is_rejected_with_the_known_ones_named(string mode)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new() { [HostingPlan.ModeKey] = mode }));
        Assert.Contains("'auto', 'local' or 'container'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_mode_runs_the_binaries_found_or_fails_with_the_install_hint()
    {
        var found = LocalServerBinaries.Find();

        if (found is null)
        {
            var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new() { [HostingPlan.ModeKey] = "local" }));
            Assert.Contains(LocalServerBinaries.InstallHint, failure.Message);
        }
        else
        {
            var plan = Resolve(new() { [HostingPlan.ModeKey] = "local" });
            Assert.Equal(HostingMode.Local, plan.Mode);
            Assert.Equal(found, plan.LocalBinaries);
        }
    }

    [Fact]
    public void LocalBinaries_of_a_container_plan_throws()
    {
        var plan = new HostingPlan(HostingMode.Container, Binaries: null, AppHostDirectory);

        Assert.Throws<InvalidOperationException>(() => plan.LocalBinaries);
    }
}
