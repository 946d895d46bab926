namespace TicketRush.Rush.History;

/// <summary>
/// Judges a history of purchase attempts against what the database holds once the system is quiet (leases healed, every
/// order written): Jepsen's way, every answer a buyer saw checked against the outcome.
/// </summary>
/// <remarks>
/// <para>Each attempt's answer is an <see cref="AnswerKind"/>. An <see cref="AnswerKind.Unknown"/> attempt may or may not
/// have sold, and the checker accepts either: it reports a violation only when no way the ambiguous attempts could have
/// ended explains what the database holds.</para>
/// <list type="bullet">
/// <item>C1 — stock: orders + remaining = stock, never more orders than stock, every order listed; when at least twice
/// as many buyers as stock came, all of it sold (nothing leaked).</item>
/// <item>C2 — no lost sale: every 201 has its order (same id, same buyer); every <c>already-purchased</c> buyer holds an
/// order (that answer names none).</item>
/// <item>C3 — no phantom sale: every order's buyer had a 201, an <c>already-purchased</c> or an ambiguous answer, never
/// only answers that nothing was sold.</item>
/// <item>C4 — one order per buyer.</item>
/// <item>C5 — first come, first served: no order was sold by a request that started after some <c>sold-out</c> answer had
/// completed (stock given back after someone was told there was none). Orders carry no creation time the client's clock
/// can compare, so the sale is placed by the requests that may have made it: a non-replayed unkeyed 201 whose order id is
/// the buyer's order made it itself; a keyed 201 with that id was made by one of its key's attempts that may sell;
/// otherwise any of the buyer's attempts that may sell did. The order counts as an inversion only when every such
/// request started after the earliest <c>sold-out</c> answer ended. A violation in a clean run; a figure when faults
/// were injected.</item>
/// <item>C6 — one key, one outcome: a key is never answered both "bought" and "not sold", nor with two order ids; and a
/// key answered "not sold" leaves its buyer without an order, unless another of the buyer's requests may have bought.</item>
/// </list>
/// </remarks>
public static class HistoryChecker
{
    public static HistoryVerdict Check(IReadOnlyList<PurchaseOperation> history, TicketResponse ticket, IReadOnlyList<OrderResponse> orders, bool faultsInjected = false)
    {
        // A paged read of a table that is still being written (replication applying the other primary's rows) can
        // return a row on two pages; an order id is the table's key, so one id is one order.
        orders = [.. orders.DistinctBy(o => o.Id)];
        var byBuyer = history.GroupBy(o => o.Buyer).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Start).ToList());
        var ordersByBuyer = orders.ToLookup(o => o.UserId);
        CheckResult[] checks =
        [
            Stock(ticket, orders, byBuyer.Count),
            NoLostSale(history, orders, ordersByBuyer),
            NoPhantomSale(orders, byBuyer),
            OneOrderPerBuyer(ordersByBuyer),
            FirstComeFirstServed(history, orders, byBuyer, faultsInjected),
            OneKeyOneOutcome(history, ordersByBuyer, byBuyer),
        ];
        return new HistoryVerdict(checks, history, byBuyer, faultsInjected);
    }

    private static CheckResult Stock(TicketResponse ticket, IReadOnlyList<OrderResponse> orders, int demand)
    {
        var findings = new List<string>();
        if (orders.Count + ticket.RemainingStock != ticket.TotalStock)
        {
            findings.Add(Invariant($"orders {orders.Count} + remaining {ticket.RemainingStock} ≠ stock {ticket.TotalStock}"));
        }

        if (orders.Count > ticket.TotalStock)
        {
            findings.Add(Invariant($"{orders.Count} orders for a stock of {ticket.TotalStock}"));
        }

        if (orders.Count != ticket.OrderCount)
        {
            findings.Add(Invariant($"the ticket counts {ticket.OrderCount} orders, {orders.Count} listed"));
        }

        if (demand >= 2 * ticket.TotalStock && ticket.RemainingStock > 0)
        {
            findings.Add(Invariant($"{demand} buyers for a stock of {ticket.TotalStock}, yet {ticket.RemainingStock} left unsold"));
        }

        return new CheckResult("C1", "orders + remaining = stock, orders ≤ stock; demand ≥ 2 × stock sells it all", findings, []);
    }

    private static CheckResult NoLostSale(IReadOnlyList<PurchaseOperation> history, IReadOnlyList<OrderResponse> orders, ILookup<long, OrderResponse> ordersByBuyer)
    {
        var byId = orders.ToDictionary(o => o.Id);
        var findings = new List<string>();
        var buyers = new SortedSet<long>();
        foreach (var attempt in history)
        {
            var finding = attempt.Answer switch
            {
                AnswerKind.Sold when attempt.OrderId is { } id && !byId.ContainsKey(id) => Invariant($"buyer {attempt.Buyer} was sold order {id}, which does not exist"),
                AnswerKind.Sold when attempt.OrderId is { } id && byId[id].UserId != attempt.Buyer => Invariant($"buyer {attempt.Buyer} was sold order {id}, which belongs to buyer {byId[id].UserId}"),
                AnswerKind.Sold or AnswerKind.AlreadyPurchased when !ordersByBuyer.Contains(attempt.Buyer) => Invariant($"buyer {attempt.Buyer} was told {Told(attempt)} but holds no order"),
                _ => null,
            };
            if (finding is not null && buyers.Add(attempt.Buyer))
            {
                findings.Add(finding);
            }
        }

        return new CheckResult("C2", "every 201 has its order (same id), every already-purchased buyer holds one", findings, [.. buyers]);
    }

    private static CheckResult NoPhantomSale(IReadOnlyList<OrderResponse> orders, Dictionary<long, List<PurchaseOperation>> byBuyer)
    {
        var phantoms = orders
            .Where(o => !byBuyer.TryGetValue(o.UserId, out var attempts) || !attempts.Any(a => a.MaySell || a.Answer == AnswerKind.AlreadyPurchased))
            .Select(o => o.UserId).Distinct().Order().ToList();
        return new CheckResult("C3", "every order's buyer had a 201, already-purchased or ambiguous answer", [.. phantoms.Select(b =>
            byBuyer.ContainsKey(b) ? Invariant($"buyer {b} holds an order but was only told nothing was sold") : Invariant($"buyer {b} holds an order but never asked"))], phantoms);
    }

    private static CheckResult OneOrderPerBuyer(ILookup<long, OrderResponse> ordersByBuyer)
    {
        var twice = ordersByBuyer.Where(g => g.Count() > 1).OrderBy(g => g.Key).ToList();
        return new CheckResult("C4", "one order per buyer",
            [.. twice.Select(g => Invariant($"buyer {g.Key} holds {g.Count()} orders ({string.Join(", ", g.Select(o => o.Id))})"))], [.. twice.Select(g => g.Key)]);
    }

    private static CheckResult FirstComeFirstServed(
        IReadOnlyList<PurchaseOperation> history, IReadOnlyList<OrderResponse> orders, Dictionary<long, List<PurchaseOperation>> byBuyer, bool faultsInjected)
    {
        var rule = "no sale to a request that started after a sold-out answer completed";
        var soldOut = history.Where(a => a.Answer == AnswerKind.SoldOut).MinBy(a => a.End);
        if (soldOut is null)
        {
            return new CheckResult("C5", rule, [], [], faultsInjected);
        }

        var findings = new List<string>();
        var buyers = new List<long>();
        foreach (var order in orders.OrderBy(o => o.Id))
        {
            var sellers = SalesOf(order, byBuyer.GetValueOrDefault(order.UserId) ?? []);
            if (sellers.Count > 0 && sellers.Min(a => a.Start) > soldOut.End)
            {
                findings.Add(Invariant($"order {order.Id} of buyer {order.UserId} was sold by a request started at {sellers.Min(a => a.Start).TotalMilliseconds:F1} ms, after buyer {soldOut.Buyer} was told sold out at {soldOut.End.TotalMilliseconds:F1} ms"));
                buyers.Add(order.UserId);
            }
        }

        if (buyers.Count > 0)
        {
            buyers.Add(soldOut.Buyer);
        }

        return new CheckResult("C5", rule, findings, [.. buyers.Distinct()], faultsInjected);
    }

    /// <summary>The attempts that may have made <paramref name="order"/>, as C5 places a sale (see the type's remarks).</summary>
    private static List<PurchaseOperation> SalesOf(OrderResponse order, List<PurchaseOperation> attempts)
    {
        var told = attempts.FirstOrDefault(a => a.Answer == AnswerKind.Sold && a.OrderId == order.Id);
        return told switch
        {
            { Key: null, Replayed: false } => [told],
            { Key: { } key } => [.. attempts.Where(a => a.Key == key && a.MaySell)],
            _ => [.. attempts.Where(a => a.MaySell)],
        };
    }

    private static CheckResult OneKeyOneOutcome(
        IReadOnlyList<PurchaseOperation> history, ILookup<long, OrderResponse> ordersByBuyer, Dictionary<long, List<PurchaseOperation>> byBuyer)
    {
        var findings = new List<string>();
        var buyers = new SortedSet<long>();
        foreach (var keyed in history.Where(a => a.Key is not null).GroupBy(a => (a.Buyer, a.Key)))
        {
            var (buyer, key) = keyed.Key;
            var orderIds = keyed.Where(a => a.OrderId is not null).Select(a => a.OrderId!.Value).Distinct().ToList();
            var bought = keyed.Any(a => a.Answer is AnswerKind.Sold or AnswerKind.AlreadyPurchased);
            var notSold = keyed.FirstOrDefault(a => a.Answer is AnswerKind.SoldOut or AnswerKind.Refused);
            var otherMayHaveBought = byBuyer[buyer].Any(a => a.Key != key && (a.MaySell || a.Answer == AnswerKind.AlreadyPurchased));
            var finding =
                orderIds.Count > 1 ? Invariant($"key {key} of buyer {buyer} was answered with orders {string.Join(" and ", orderIds)}")
                : bought && notSold is not null ? Invariant($"key {key} of buyer {buyer} was told both bought and {notSold.Code ?? notSold.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}")
                : notSold is not null && ordersByBuyer.Contains(buyer) && !otherMayHaveBought ? Invariant($"key {key} of buyer {buyer} was told {notSold.Code ?? notSold.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}, yet only it can have bought the buyer's order")
                : null;
            if (finding is not null)
            {
                findings.Add(finding);
                buyers.Add(buyer);
            }
        }

        return new CheckResult("C6", "one key, one outcome: never bought and not sold, never two orders", findings, [.. buyers]);
    }

    private static string Told(PurchaseOperation attempt) => attempt.Answer == AnswerKind.Sold ? Invariant($"201 (order {attempt.OrderId})") : ProblemCodes.AlreadyPurchased;

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
