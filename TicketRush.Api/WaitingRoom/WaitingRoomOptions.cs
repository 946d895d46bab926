using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.WaitingRoom;

/// <summary>Settings of the waiting rooms (section <c>WaitingRoom</c>); each ticket's rate and admission time are its own.</summary>
internal sealed class WaitingRoomOptions
{
    public const string SectionName = "WaitingRoom";

    /// <summary>The HMAC key admission tokens are signed with; the same on every server (the AppHost's <c>waiting-room-key</c> secret).</summary>
    [Required]
    [MinLength(32)]
    public string TokenKey { get; set; } = "";

    /// <summary>How often the admitting server admits the next buyers; a ticket's rate is spread over these ticks.</summary>
    public TimeSpan PumpInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the admitting server's lease lasts unless renewed; if it dies, another server takes over after this.</summary>
    public TimeSpan PumpLease { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a sold-out ticket's line stays in Redis (buyers still read "sold out" from it); then it expires.</summary>
    public TimeSpan SoldOutRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The soonest a buyer in line is told to ask for its status again (near the front of the line).</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a buyer in line is told to wait before asking again (far back): a line of n buyers costs about n / this requests a second.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(60);
}
