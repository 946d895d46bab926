using System.Diagnostics;
using OpenTelemetry.Trace;

namespace TicketRush.ServiceDefaults;

/// <summary>
/// Samples new traces from a token bucket that refills at <c>tracesPerSecond</c> and holds <c>burst</c>: the first
/// buyers of a rush are all traced, a sustained load exports a bounded trickle. Exporting every span of a sale running
/// at a thousand purchases a second cost the Aspire dashboard more CPU than the sale itself, and the cores are shared.
/// </summary>
/// <remarks>
/// Meant for root spans only (wrap it in a <see cref="ParentBasedSampler"/>): a trace is kept or dropped whole. Only
/// requests start traces; background work with no request behind it (dependency probes every 250 ms, the waiting
/// room's admission pump) would spend the budget on <c>SELECT 1</c>s, so its root spans are dropped, unless they link
/// to a traced request's span.
/// </remarks>
public sealed class RateLimitedSampler : Sampler
{
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;

    public RateLimitedSampler(double tracesPerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tracesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _perSecond = tracesPerSecond;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _refilledAt = time.GetTimestamp();
        Description = $"RateLimitedSampler{{{tracesPerSecond}/s, burst {burst}}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Kind != ActivityKind.Server)
        {
            // Work done for requests that were traced (a batch of purchases links to its buyers' spans) is traced with them.
            return new SamplingResult(ServesSampledRequest(samplingParameters) ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
        }

        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return new SamplingResult(SamplingDecision.Drop);
            }

            _tokens--;
        }

        return new SamplingResult(SamplingDecision.RecordAndSample);
    }

    private static bool ServesSampledRequest(in SamplingParameters samplingParameters)
    {
        foreach (var link in samplingParameters.Links ?? [])
        {
            if (link.Context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
            {
                return true;
            }
        }

        return false;
    }
}
