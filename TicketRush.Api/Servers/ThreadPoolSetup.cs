using Microsoft.Extensions.Options;

namespace TicketRush.Api.Servers;

public static class ThreadPoolSetup
{
    /// <summary>Applies <see cref="ServerOptions.MinWorkerThreads"/>.</summary>
    public static WebApplication UseMinWorkerThreads(this WebApplication app)
    {
        var workers = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.MinWorkerThreads;
        ThreadPool.GetMinThreads(out var currentWorkers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, currentWorkers), completionPorts);
        return app;
    }
}
