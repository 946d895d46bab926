using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketRush.AppHost;
using TicketRush.AppHost.Hosting;
using TicketRush.Rush;

var builder = DistributedApplication.CreateBuilder(args);

var hosting = HostingPlan.Resolve(builder.Configuration, builder.AppHostDirectory);
if (builder.Environment.IsDevelopment())
{
    // The well-known development key, unless one is configured; elsewhere the key must be configured.
    builder.Configuration["Parameters:admin-key"] ??= TicketRushClient.DevelopmentAdminKey;
}

var adminKey = builder.AddParameter("admin-key", secret: true);
// Signs waiting-room admission tokens; generated per run unless configured (Parameters:waiting-room-key), the same for both servers.
var waitingRoomKey = builder.AddParameter("waiting-room-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);
// Signs buyer tokens (JWT, sub = buyer id); generated per run unless configured (Parameters:buyer-token-key). The lab's
// clients (dashboard rushes, tests, bench) mint their buyers' tokens with it; both servers check them with it.
var buyerTokenKey = builder.AddParameter("buyer-token-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);

// One MySQL, or two primaries replicating each other (Hosting:Databases=two-primaries).
var databases = TicketRushDatabases.Add(builder, hosting);
var redis = builder.AddRedisServer("redis", hosting);
var lockServers = builder.AddRedisLockServers(hosting);

var migrate = builder.AddProject<Projects.TicketRush_Api>("migrate")
    .WithArgs("migrate")
    .WithEnvironment("Database__ServerVersion", databases.ServerVersion)
    .WithReference(databases.SchemaOwner, connectionName: TicketRushDatabases.ConnectionName).WaitFor(databases.SchemaOwner)
    .WithReference(redis);

// With several primaries, api-1 uses the first and api-2 the second.
var servers = new[] { "api-1", "api-2" }.Select((name, index) => builder.AddApiServer(name)
    .WithDatabases(databases, databases.Primaries[index % databases.Primaries.Count])
    .WithEnvironment("Admin__Key", adminKey)
    .WithEnvironment("WaitingRoom__TokenKey", waitingRoomKey)
    .WithEnvironment("Buyers__SigningKey", buyerTokenKey)
    .WithReference(redis).WaitFor(redis)
    .WithRedisLockServers(lockServers)
    .WaitForCompletion(migrate)
    .WithHttpHealthCheck(ApiRoutes.Health)).ToList();

servers[0].WithRushCommands(servers, adminKey, buyerTokenKey);
var gateway = builder.AddGateway(servers);
// A killed server (or Redis) is started again, as a supervisor would (Hosting:RestartKilledServers).
builder.AddServerSupervisor([.. servers, redis]);
if (hosting.Mode == HostingMode.Local)
{
    // Drills find the process they break by its port: local processes only, not containers.
    var drills = new DrillCommandExtensions.DrillTargets(servers, gateway, adminKey);
    drills.WithKillDrills();
    databases.Primaries.ToList().ForEach(primary => primary.Server.WithPauseDrill(drills));
    redis.WithPauseDrill(drills).WithRestartEmptyDrill(drills);
}
builder.Services.AddHostedService<ProjectStopper>();

builder.Build().Run();
