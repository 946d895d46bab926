namespace TicketRush.Api.Catalog;

/// <summary>
/// A ticket on sale as purchases see it: its id and the strategy it was created with, which never changes.
/// Remembers when MySQL said it is sold out: under a safe strategy stock only falls, so later buyers are answered
/// without queueing on the ticket's row lock.
/// </summary>
/// <param name="admission">The waiting room's rules when buyers must be admitted first; null when anyone may buy at once.</param>
/// <param name="homeDatabase">The primary its sales are written to; null when each server writes its own.</param>
internal sealed class Sale(long ticketId, string strategy, AdmissionRules? admission = null, string? homeDatabase = null)
{
    private volatile bool _soldOut;
    private int _soldOutCheckRunning;
    private long _soldOutCheckDue;

    public long TicketId { get; } = ticketId;

    public string Strategy { get; } = strategy;

    public AdmissionRules? Admission { get; } = admission;

    public string? HomeDatabase { get; } = homeDatabase;

    public bool IsKnownSoldOut => _soldOut;

    public void MarkSoldOut() => _soldOut = true;

    /// <summary>
    /// Claims the one check of MySQL's stock this server may start now: none is running and the last one started at
    /// least <paramref name="gap"/> timestamp ticks before <paramref name="now"/>. <see cref="EndSoldOutCheck"/> ends it.
    /// </summary>
    public bool TryClaimSoldOutCheck(long now, long gap)
    {
        if (_soldOut || now < Volatile.Read(ref _soldOutCheckDue) || Interlocked.Exchange(ref _soldOutCheckRunning, 1) == 1)
        {
            return false;
        }

        Volatile.Write(ref _soldOutCheckDue, now + gap);
        return true;
    }

    public void EndSoldOutCheck() => Volatile.Write(ref _soldOutCheckRunning, 0);
}
