using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using TicketRush.ServiceDefaults;

namespace TicketRush.UnitTests.Telemetry;

public sealed class RateLimitedSamplerTests
{
    private static readonly SamplingParameters Root = new(default, ActivityTraceId.CreateRandom(), "purchase", ActivityKind.Server);

    [Fact]
    public void A_sampled_traceparent_from_outside_does_not_switch_on_full_tracing()
    {
        var sampler = Microsoft.Extensions.Hosting.Extensions.TraceSampler(tracesPerSecond: 10, burst: 5, new FakeTimeProvider());
        var remoteSampled = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var fromOutside = new SamplingParameters(remoteSampled, remoteSampled.TraceId, "POST /api/tickets/{id}/orders", ActivityKind.Server);

        var sampled = Enumerable.Range(0, 100).Count(_ => sampler.ShouldSample(fromOutside).Decision == SamplingDecision.RecordAndSample);

        Assert.Equal(5, sampled);
    }

    [Fact]
    public void The_spans_of_a_sampled_trace_inside_the_process_stay_sampled()
    {
        var sampler = Microsoft.Extensions.Hosting.Extensions.TraceSampler(tracesPerSecond: 10, burst: 5, new FakeTimeProvider());
        var localSampled = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var child = new SamplingParameters(localSampled, localSampled.TraceId, "purchase", ActivityKind.Internal);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(child).Decision));
    }

    [Fact]
    public void A_burst_is_sampled_whole_then_nothing_until_the_bucket_refills()
    {
        var time = new FakeTimeProvider();
        var sampler = new RateLimitedSampler(tracesPerSecond: 10, burst: 5, time);

        Assert.Equal(5, Sample(sampler, 20));

        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(2, Sample(sampler, 20));
    }

    [Fact]
    public void An_idle_bucket_holds_no_more_than_its_burst()
    {
        var time = new FakeTimeProvider();
        var sampler = new RateLimitedSampler(tracesPerSecond: 10, burst: 5, time);
        Sample(sampler, 5);

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(5, Sample(sampler, 100));
    }

    [Fact]
    public void Sustained_load_is_sampled_at_the_rate()
    {
        var time = new FakeTimeProvider();
        var sampler = new RateLimitedSampler(tracesPerSecond: 20, burst: 1, time);
        Sample(sampler, 1);

        var sampled = 0;
        // 1,010 ticks: a thousand additions of 0.02 may fall a hair short of the twentieth token.
        for (var tick = 0; tick < 1_010; tick++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            sampled += Sample(sampler, 1);
        }

        Assert.Equal(20, sampled);
    }

    [Fact]
    public void Background_work_without_a_request_starts_no_trace()
    {
        var sampler = new RateLimitedSampler(tracesPerSecond: 10, burst: 5, new FakeTimeProvider());
        var probe = new SamplingParameters(default, ActivityTraceId.CreateRandom(), "SELECT 1", ActivityKind.Client);

        Assert.Equal(SamplingDecision.Drop, sampler.ShouldSample(probe).Decision);
        Assert.Equal(5, Sample(sampler, 5));
    }

    [Fact]
    public void Work_linked_to_a_traced_request_is_traced_without_spending_the_budget()
    {
        var sampler = new RateLimitedSampler(tracesPerSecond: 10, burst: 5, new FakeTimeProvider());
        var traced = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var untraced = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        SamplingParameters Batch(params ActivityContext[] buyers) =>
            new(default, ActivityTraceId.CreateRandom(), "purchase batch", ActivityKind.Internal, links: [.. buyers.Select(b => new ActivityLink(b))]);

        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(Batch(untraced, traced)).Decision);
        Assert.Equal(SamplingDecision.Drop, sampler.ShouldSample(Batch(untraced)).Decision);
        Assert.Equal(5, Sample(sampler, 5));
    }

    private static int Sample(RateLimitedSampler sampler, int roots) =>
        Enumerable.Range(0, roots).Count(_ => sampler.ShouldSample(Root).Decision == SamplingDecision.RecordAndSample);
}
