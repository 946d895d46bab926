using TicketRush.Tests.WaitingRoom;
using Xunit.Abstractions;

namespace TicketRush.Tests.Buyers;

/// <summary>The buyer page where every buyer needs a token: it signs in (Development's token endpoint) and sends it.</summary>
[Collection(BuyersRequiredCollection.Name)]
public sealed class RequiredBuyerPageTests(BuyersRequiredApp app, ITestOutputHelper output)
{
    [Fact]
    public Task A_buyer_joins_is_admitted_and_buys_on_the_page_with_a_token() => BuyerPage.JoinAndBuyAsync(app, 83_000_001, output);
}
