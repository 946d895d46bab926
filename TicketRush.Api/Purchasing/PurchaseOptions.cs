using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing;

/// <summary>Purchase behaviour shared by every strategy (section <c>Purchase</c>).</summary>
internal sealed class PurchaseOptions
{
    public const string SectionName = "Purchase";

    /// <summary>The strategy of a ticket created without one: a safe one.</summary>
    [Required]
    public string DefaultStrategy { get; set; } = StrategyNames.Atomic;

    /// <summary>
    /// How long one purchase may take, waiting for locks, connections, MySQL and Redis included. After it the buyer
    /// gets a 503 with nothing sold (or the verified truth, when a commit was already under way).
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long checking an unacknowledged commit may take, on top of the deadline.</summary>
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The deadline of a purchase under <paramref name="strategy"/>: its own, or the common <see cref="Deadline"/>.</summary>
    public TimeSpan DeadlineOf(IPurchaseStrategy strategy) => strategy.Deadline ?? Deadline;

    /// <summary>
    /// A pause between reading the stock and writing it back, in the strategies that read then write.
    /// Off by default; widening it makes the races of the unsafe strategies show on any machine.
    /// </summary>
    public TimeSpan RaceWindow { get; set; } = TimeSpan.Zero;

    /// <summary>How often a purchase that hit a deadlock or a snapshot conflict (MariaDB error 1020) is retried whole.</summary>
    [Range(0, 10)]
    public int ConflictRetries { get; set; } = 3;

    /// <summary>
    /// At most this many purchase transactions of one ticket run at once on each server, in the strategies that run one
    /// transaction per buyer on the ticket's row (<see cref="IPurchaseStrategy.TransactionPerBuyer"/>); the other buyers
    /// wait in memory, in arrival order, within their deadline. 0 lets every buyer into MySQL at once.
    /// </summary>
    [Range(0, 10_000)]
    public int TransactionsInFlightPerTicket { get; set; } = 16;

    /// <summary>How often a failing purchase is logged in full per strategy and kind of failure; the others are counted into the next entry.</summary>
    public TimeSpan FailureLogInterval { get; set; } = TimeSpan.FromSeconds(10);
}
