using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Purchasing.Strategies;

/// <summary>Options of the in-process lock strategies, <c>lock</c> and <c>semaphore</c> (section <c>Strategies:InProcessLock</c>).</summary>
internal sealed class InProcessLockOptions
{
    public const string SectionName = "Strategies:InProcessLock";

    /// <summary>Locks shared out by ticket id; bounded whatever ids clients send.</summary>
    [Range(1, 65_536)]
    public int Stripes { get; set; } = 256;

    /// <summary>Threads reserved for the blocking <c>lock</c> strategy, like a servlet container's request threads.</summary>
    [Range(1, 1_000)]
    public int BlockingThreads { get; set; } = 32;
}
