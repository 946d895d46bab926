using System.Diagnostics.Metrics;
using TicketRush.Api.Purchasing;

namespace TicketRush.Api.Idempotency;

/// <summary>The idempotency store's own metric: keys whose running request lost its lease, so a retry may have run again.</summary>
internal sealed class IdempotencyTelemetry(IMeterFactory meters)
{
    private readonly Counter<long> _leasesLost = meters.Create(PurchaseTelemetry.SourceName).CreateCounter<long>(
        "ticketrush.idempotency.leases_lost", "{lease}", "Idempotency-Key leases lost while their request ran; a retry may have run it a second time.");

    public void RecordLeaseLost(string stage) => _leasesLost.Add(1, new KeyValuePair<string, object?>("stage", stage));
}
