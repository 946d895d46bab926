using System.Net.Http.Json;
using TicketRush.Tests.Infrastructure;

namespace TicketRush.Tests.Races;

/// <summary>What decides a sale's safety belongs to the sale: buyers who ask for another strategy cannot weaken it.</summary>
[Collection(TicketRushCollection.Name)]
public sealed class MixedStrategyRushTests(TicketRushApp app)
{
    private const int Stock = 50;
    private const int Buyers = 400;

    [Fact]
    public async Task Buyers_asking_for_no_control_on_a_safe_sale_never_push_it_past_its_stock()
    {
        var ticket = await app.Servers[0].CreateTicketAsync(Stock, StrategyNames.Atomic);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(1, Buyers).Select(async user =>
        {
            await gate.Task;
            var strategy = user % 2 == 0 ? StrategyNames.Atomic : StrategyNames.NoControl;
            using var response = await app.Servers[user % 2].PostAsJsonAsync($"{ApiRoutes.Orders(ticket.Id)}?strategy={strategy}", new { userId = user });
            return (strategy, (int)response.StatusCode, response.IsSuccessStatusCode ? null : (await response.ReadProblemAsync()).Code);
        }).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(attempts);

        Assert.All(answers.Where(a => a.strategy == StrategyNames.NoControl), a => Assert.Equal((409, ProblemCodes.StrategyMismatch), (a.Item2, a.Item3)));
        Assert.Equal(Stock, answers.Count(a => a.Item2 == 201));
        var after = await Invariants.AssertExactAsync(app, ticket.Id);
        Assert.Equal((0, Stock), (after.RemainingStock, after.OrderCount));
    }
}
