namespace TicketRush.Api.Servers;

internal static class ServersServiceCollectionExtensions
{
    /// <summary>This server's identity and clock.</summary>
    public static IHostApplicationBuilder AddServerIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
