using TicketRush.Api.Purchasing;
using TicketRush.Api.Purchasing.Sales;

namespace TicketRush.UnitTests.Purchasing;

/// <summary>The check step: a read refuses a sale only when the ticket is missing or has no stock left.</summary>
public sealed class StockReadTests
{
    [Fact]
    public void Missing_ticket_is_refused_as_TicketNotFound()
    {
        Assert.Equal(PurchaseOutcome.TicketNotFound, StockRead.Missing.Refusal);
        Assert.Equal(PurchaseOutcome.TicketNotFound, new StockRead(Exists: false, Remaining: 10, Version: 3).Refusal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void No_stock_left_is_refused_as_SoldOut(int remaining)
    {
        var refusal = new StockRead(Exists: true, remaining, Version: 7).Refusal;

        Assert.Equal(PurchaseOutcome.SoldOut.Status, refusal?.Status);
        Assert.True(refusal?.StockExhausted, "MySQL's word that the stock is gone, for the purchase service to remember");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Stock_left_lets_the_sale_proceed(int remaining)
    {
        Assert.Null(new StockRead(Exists: true, remaining, Version: 0).Refusal);
    }
}
