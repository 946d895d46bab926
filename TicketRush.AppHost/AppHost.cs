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

var mysql = builder.AddMySqlServer("mysql", hosting);
var database = mysql.AddDatabase("ticketrush");
var schemaOwner = database.AddUser("ticketrush-migrator", "ALL PRIVILEGES");
var appUser = database.AddUser("ticketrush-app", "SELECT", "INSERT", "UPDATE");
var redis = builder.AddRedisServer("redis", hosting);
var lockServers = builder.AddRedisLockServers(hosting);

var migrate = builder.AddProject<Projects.TicketRush_Api>("migrate")
    .WithArgs("migrate")
    .WithEnvironment("Database__ServerVersion", mysql.Resource.ServerVersion)
    .WithReference(schemaOwner, connectionName: "ticketrush").WaitFor(schemaOwner)
    .WithReference(redis);

var servers = new[] { "api-1", "api-2" }.Select(name => builder.AddApiServer(name)
    .WithEnvironment("Database__ServerVersion", mysql.Resource.ServerVersion)
    .WithEnvironment("Admin__Key", adminKey)
    .WithEnvironment("WaitingRoom__TokenKey", waitingRoomKey)
    .WithReference(appUser, connectionName: "ticketrush").WaitFor(appUser)
    .WithReference(redis).WaitFor(redis)
    .WithRedisLockServers(lockServers)
    .WaitForCompletion(migrate)
    .WithHttpHealthCheck("/health")).ToList();

servers[0].WithRushCommands(servers, adminKey);
builder.AddGateway(servers);
builder.Services.AddHostedService<ProjectStopper>();

builder.Build().Run();
