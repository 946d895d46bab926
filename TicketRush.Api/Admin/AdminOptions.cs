using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Admin;

/// <summary>The shared secret of admin endpoints (section <c>Admin</c>); the AppHost passes its <c>admin-key</c> parameter.</summary>
internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    [Required]
    [MinLength(8)]
    public string Key { get; set; } = "";
}
