using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Supervision;

/// <summary>The whole system as <c>./scripts/start.sh</c> runs it: the AppHost starts a killed server again.</summary>
public sealed class SupervisedApp : TicketRushApp
{
    protected override bool RestartKilledServers => true;
}

/// <summary>Tests of the supervised system: a collection, and so an AppHost, of their own.</summary>
[CollectionDefinition(Name)]
public sealed class SupervisedCollection : ICollectionFixture<SupervisedApp>
{
    public const string Name = "TicketRush system, supervised";
}
