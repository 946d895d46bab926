using TicketRush.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TicketRush.Tests.WaitingRoom;

/// <summary>The buyer's page of a waiting room, in headless Chromium from Debian: join, watch the line move, buy.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class BuyerPageTests(TicketRushApp app, ITestOutputHelper output)
{
    [Fact]
    public Task A_buyer_joins_sees_their_place_is_admitted_and_buys_on_the_page() => BuyerPage.JoinAndBuyAsync(app, 90_000_001, output);
}
