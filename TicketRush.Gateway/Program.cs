using TicketRush.Gateway;
using TicketRush.Gateway.Proxy;
using Yarp.ReverseProxy.Forwarder;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddProblemDetails();
builder.Services.AddOptions<GatewayOptions>()
    .BindConfiguration(GatewayOptions.SectionName)
    .Validate(o => o.ConnectTimeout > TimeSpan.Zero, "Gateway:ConnectTimeout must be positive.")
    .ValidateOnStart();

builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddSingleton<IForwarderHttpClientFactory, ServerHttpClientFactory>();

var app = builder.Build();

app.UseMiddleware<RequestBodyLimit>();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<RetryOnAnotherServer>();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();
