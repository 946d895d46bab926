using System.Net;
using System.Net.Http.Json;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Contract;

[Collection(TicketRushCollection.Name)]
public sealed class OrdersContractTests(TicketRushApp app)
{
    [Fact]
    public async Task A_purchase_returns_201_with_location_and_the_order_from_the_server_that_sold_it()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.NoControl);

        for (var i = 0; i < app.Servers.Count; i++)
        {
            using var response = await app.Servers[i].PurchaseAsync(ticket.Id, userId: 100 + i);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var order = (await response.Content.ReadFromJsonAsync<OrderResponse>())!;
            Assert.Equal(ApiRoutes.Order(ticket.Id, order.Id), response.Headers.Location?.OriginalString);
            Assert.Equal((ticket.Id, 100L + i, TicketRushApp.ServerNames[i], StrategyNames.NoControl), (order.TicketId, order.UserId, order.ServedBy, order.Strategy));
            Assert.True(order.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));

            // The Location serves the order, from either server.
            // MariaDB keeps microseconds: the stored time may be the answered one truncated, never another.
            var located = (await app.Servers[1 - i].GetFromJsonAsync<OrderResponse>(response.Headers.Location))!;
            Assert.Equal(order with { CreatedAt = located.CreatedAt }, located);
            Assert.InRange(order.CreatedAt - located.CreatedAt, TimeSpan.Zero, TimeSpan.FromMicroseconds(1));
        }

        var after = await app.Servers[1].GetTicketAsync(ticket.Id);
        Assert.Equal((3, 2), (after.RemainingStock, after.OrderCount));
    }

    [Fact]
    public async Task An_order_the_ticket_does_not_have_is_404_order_not_found()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.Atomic);
        var other = await app.Servers[0].CreateTicketAsync(5, StrategyNames.Atomic);
        using var sold = await app.Servers[0].PurchaseAsync(other.Id, userId: 1);
        var order = (await sold.Content.ReadFromJsonAsync<OrderResponse>())!;

        foreach (var path in new[] { ApiRoutes.Order(ticket.Id, order.Id), ApiRoutes.Order(other.Id, order.Id + 1_000_000) })
        {
            using var response = await app.Servers[1].GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(ProblemCodes.OrderNotFound, (await response.ReadProblemAsync()).Code);
        }
    }

    [Fact]
    public async Task A_purchase_uses_the_strategy_the_ticket_was_created_with()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.Pessimistic);

        using var response = await app.Servers[1].PurchaseAsync(ticket.Id, userId: 1);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(StrategyNames.Pessimistic, (await response.Content.ReadFromJsonAsync<OrderResponse>())!.Strategy);
    }

    [Fact]
    public async Task Naming_the_tickets_own_strategy_is_accepted()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.Optimistic);

        using var response = await app.Servers[0].PostAsJsonAsync($"{ApiRoutes.Orders(ticket.Id)}?strategy=optimistic", new { userId = 1 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(StrategyNames.NoControl)]
    [InlineData(StrategyNames.Lock)]
    [InlineData(StrategyNames.RedisCounter)]
    public async Task Asking_for_another_strategy_is_409_strategy_mismatch_and_sells_nothing(string other)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.Atomic);

        using var response = await app.Servers[1].PostAsJsonAsync($"{ApiRoutes.Orders(ticket.Id)}?strategy={other}", new { userId = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ProblemCodes.StrategyMismatch, (await response.ReadProblemAsync()).Code);
        var after = await app.Servers[0].GetTicketAsync(ticket.Id);
        Assert.Equal((5, 0), (after.RemainingStock, after.OrderCount));
    }

    [Fact]
    public async Task A_page_after_the_last_order_is_empty_not_an_error()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.Atomic);
        (await app.Servers[0].PurchaseAsync(ticket.Id, 1)).Dispose();

        var page = await app.Servers[0].GetFromJsonAsync<OrderPage>($"{ApiRoutes.Orders(ticket.Id)}?after={long.MaxValue}&pageSize=500");

        Assert.Empty(page!.Items);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Buying_twice_is_409_already_purchased_and_sells_nothing_more()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.NoControl);
        (await app.Servers[0].PurchaseAsync(ticket.Id, 7)).Dispose();

        using var again = await app.Servers[1].PurchaseAsync(ticket.Id, 7);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(ProblemCodes.AlreadyPurchased, (await again.ReadProblemAsync()).Code);
        var after = await app.Servers[0].GetTicketAsync(ticket.Id);
        Assert.Equal((4, 1), (after.RemainingStock, after.OrderCount));
    }

    [Fact]
    public async Task Buying_a_sold_out_ticket_is_409_sold_out()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(1, StrategyNames.NoControl);
        (await app.Servers[0].PurchaseAsync(ticket.Id, 1)).Dispose();

        using var late = await app.Servers[1].PurchaseAsync(ticket.Id, 2);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(ProblemCodes.SoldOut, (await late.ReadProblemAsync()).Code);
    }

    [Fact]
    public async Task Buying_an_unknown_ticket_is_404_ticket_not_found()
    {
        using var response = await app.Servers[0].PurchaseAsync(987654321, 1);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemCodes.TicketNotFound, (await response.ReadProblemAsync()).Code);
    }

    [Fact]
    public async Task An_unknown_strategy_is_400_unknown_strategy()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(1, StrategyNames.NoControl);

        using var response = await app.Servers[0].PostAsJsonAsync($"{ApiRoutes.Orders(ticket.Id)}?strategy=telepathy", new { userId = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemCodes.UnknownStrategy, (await response.ReadProblemAsync()).Code);
        Assert.Equal(0, (await app.Servers[0].GetTicketAsync(ticket.Id)).OrderCount);
    }

    [Theory]
    [InlineData("{}", "application/json")]
    [InlineData("""{"userId":null}""", "application/json")]
    [InlineData("""{"userId":0}""", "application/json")]
    [InlineData("""{"userId":-3}""", "application/json")]
    [InlineData("""{"userId":"abc"}""", "application/json")]
    [InlineData("""{"userId":1.5}""", "application/json")]
    [InlineData("{not json", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("userId=1", "text/plain")]
    public async Task Bad_purchase_input_is_a_4xx_problem_and_sells_nothing(string body, string contentType)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(3, StrategyNames.NoControl);

        using var response = await app.Servers[0].PostAsync(
            $"{ApiRoutes.Orders(ticket.Id)}?strategy=none",
            new StringContent(body, System.Text.Encoding.UTF8, contentType));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(ProblemCodes.InvalidRequest, (await response.ReadProblemAsync()).Code);
        var after = await app.Servers[0].GetTicketAsync(ticket.Id);
        Assert.Equal((3, 0), (after.RemainingStock, after.OrderCount));
    }

    [Fact]
    public async Task Orders_are_listed_oldest_first_in_pages_each_linking_the_next()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(5, StrategyNames.NoControl);
        foreach (var user in new[] { 11, 12, 13 })
        {
            (await app.Servers[user % 2].PurchaseAsync(ticket.Id, user)).Dispose();
        }

        var first = await app.Servers[0].GetFromJsonAsync<OrderPage>($"{ApiRoutes.Orders(ticket.Id)}?pageSize=2");
        var second = await app.Servers[0].GetFromJsonAsync<OrderPage>(first!.Next!);

        Assert.Equal([11, 12], first.Items.Select(o => o.UserId));
        Assert.Equal($"/api/tickets/{ticket.Id}/orders?after={first.Items[^1].Id}&pageSize=2", first.Next);
        Assert.Equal(13, Assert.Single(second!.Items).UserId);
        Assert.Null(second.Next);
    }

    [Fact]
    public async Task A_holder_told_sold_out_by_a_finished_sale_finds_its_order_by_buyer()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(2, "atomic");
        foreach (var user in new[] { 21, 22 })
        {
            (await app.Servers[0].PurchaseAsync(ticket.Id, user)).Dispose();
        }

        // Sold out: every safe strategy refuses from memory, so the holder hears sold-out (docs/guarantees.md).
        (await app.Servers[0].PurchaseAsync(ticket.Id, 23)).Dispose();
        using var again = await app.Servers[0].PurchaseAsync(ticket.Id, 22);
        Assert.Equal("sold-out", (await again.ReadProblemAsync()).Code);

        var own = await app.Servers[0].GetFromJsonAsync<OrderPage>($"/api/tickets/{ticket.Id}/orders?userId=22");
        var none = await app.Servers[0].GetFromJsonAsync<OrderPage>($"/api/tickets/{ticket.Id}/orders?userId=23");

        Assert.Equal(22, Assert.Single(own!.Items).UserId);
        Assert.Empty(none!.Items);
    }

    [Theory]
    [InlineData("page=2")]
    [InlineData("after=-1")]
    [InlineData("after=abc")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    public async Task Bad_paging_is_400(string query)
    {
        var ticket = await app.Servers[0].CreateTicketAsync(1, StrategyNames.NoControl);

        using var response = await app.Servers[0].GetAsync($"{ApiRoutes.Orders(ticket.Id)}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemCodes.InvalidRequest, (await response.ReadProblemAsync()).Code);
    }

    [Fact]
    public async Task Orders_of_an_unknown_ticket_are_404()
    {
        using var response = await app.Servers[0].GetAsync(ApiRoutes.Orders(987654321));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemCodes.TicketNotFound, (await response.ReadProblemAsync()).Code);
    }
}
