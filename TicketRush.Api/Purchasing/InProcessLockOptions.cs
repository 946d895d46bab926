namespace TicketRush.Api.Purchasing;

/// <summary>Options of the in-process lock strategies (section <c>Strategies:InProcessLock</c>).</summary>
public sealed class InProcessLockOptions
{
    public const string SectionName = "Strategies:InProcessLock";

    /// <summary>How long a buyer waits for the semaphore before a 503; long enough that a rush never undersells.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
