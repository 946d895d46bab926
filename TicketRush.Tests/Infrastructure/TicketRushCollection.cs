namespace TicketRush.Tests.Infrastructure;

/// <summary>Every integration test shares one running system and runs one after another: two cores, one AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class TicketRushCollection : ICollectionFixture<TicketRushApp>
{
    public const string Name = "TicketRush system";
}
