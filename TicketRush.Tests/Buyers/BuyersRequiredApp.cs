using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Buyers;

/// <summary>The whole system as a real sale runs it: <c>Buyers:Authentication=required</c>, every buyer needs a token.</summary>
public sealed class BuyersRequiredApp : TicketRushApp
{
    protected override IReadOnlyDictionary<string, string> ExtraApiSettings => new Dictionary<string, string>
    {
        ["Buyers:Authentication"] = "required",
    };
}

/// <summary>The tests of required buyer authentication share one system and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BuyersRequiredCollection : ICollectionFixture<BuyersRequiredApp>
{
    public const string Name = "TicketRush with buyer authentication required";
}
