using System.Reflection;
using TicketRush.Api.Purchasing;

namespace TicketRush.UnitTests.Contracts;

/// <summary>
/// The one list of strategies (<see cref="PurchaseStrategies"/>) is what the servers register and what the tests and the
/// bench iterate: a strategy class left out of it would be neither served nor rushed.
/// </summary>
public sealed class StrategyListTests
{
    [Fact]
    public void Every_strategy_class_of_the_api_is_in_the_list_once()
    {
        var declared = typeof(IPurchaseStrategy).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IPurchaseStrategy).IsAssignableFrom(type))
            .Select(type => (StrategyDescriptor)type.GetProperty(nameof(IPurchaseStrategy.Descriptor), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Select(descriptor => descriptor.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, PurchaseStrategies.Descriptors.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(PurchaseStrategies.Descriptors.Count, PurchaseStrategies.Descriptors.Select(d => d.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_well_known_strategy_name_is_a_registered_strategy()
    {
        var names = typeof(StrategyNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetValue(null)!);

        Assert.All(names, name => Assert.Contains(PurchaseStrategies.Descriptors, d => d.Name == name));
    }

    [Fact]
    public void Safe_across_servers_is_the_descriptors_claim()
    {
        Assert.Equal(PurchaseStrategies.Descriptors.Where(d => d.SafeAcrossServers), PurchaseStrategies.SafeAcrossServers);
        Assert.DoesNotContain(PurchaseStrategies.SafeAcrossServers, d => !d.SafeOnOneServer);
    }
}
