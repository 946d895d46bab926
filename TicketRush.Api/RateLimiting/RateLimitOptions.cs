using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TicketRush.Api.RateLimiting;

/// <summary>
/// Limits shared by both servers through Redis (section <c>RateLimits</c>): per client address on every API request,
/// and per buyer on purchases. Benchmarks and the study's rushes run with <see cref="Enabled"/> off or the limits high.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests to <c>/api</c> per client address (the gateway's <c>X-Forwarded-For</c> when it forwarded the request).</summary>
    [ValidateObjectMembers]
    public FixedWindow PerAddress { get; set; } = new() { PermitLimit = 2_000, Window = TimeSpan.FromSeconds(1) };

    /// <summary>Purchase attempts per buyer: far above what a person presses, far below what a bot fires.</summary>
    [ValidateObjectMembers]
    public FixedWindow PerBuyer { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromSeconds(10) };

    /// <summary>Trusted client addresses that no limit applies to (monitors, a lab's load generator).</summary>
    public string[] ExemptAddresses { get; set; } = [];

    /// <summary>After Redis failed a limit check, how long limits are not checked (fail open) before Redis is tried again.</summary>
    public TimeSpan RedisFailureMemory { get; set; } = TimeSpan.FromSeconds(1);

    public sealed class FixedWindow
    {
        [Range(1, int.MaxValue)]
        public int PermitLimit { get; set; }

        [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
        public TimeSpan Window { get; set; }
    }
}

/// <summary>Validates the whole tree, nested windows included, which data annotations alone do not descend into.</summary>
[OptionsValidator]
internal sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;
