using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Servers;

/// <summary>Which API server this process is (section <c>Server</c>); the AppHost names each one.</summary>
internal sealed class ServerOptions
{
    public const string SectionName = "Server";

    [Required]
    public string Name { get; set; } = Environment.MachineName;
}
