using TicketRush.AppHost;
using TicketRush.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var hosting = HostingPlan.Resolve(builder.Configuration, builder.AppHostDirectory);
var adminKey = builder.AddParameter("admin-key", secret: true);

var mysql = builder.AddMySqlServer("mysql", hosting);
var database = mysql.AddDatabase("ticketrush");
var redis = builder.AddRedisServer("redis", hosting);

var migrate = builder.AddProject<Projects.TicketRush_Api>("migrate")
    .WithArgs("migrate")
    .WithEnvironment("Database__ServerVersion", mysql.Resource.ServerVersion)
    .WithReference(database).WaitFor(database)
    .WithReference(redis);

var servers = new[] { "api-1", "api-2" }.Select(name => builder.AddApiServer(name)
    .WithEnvironment("Database__ServerVersion", mysql.Resource.ServerVersion)
    .WithEnvironment("Admin__Key", adminKey)
    .WithReference(database).WaitFor(database)
    .WithReference(redis).WaitFor(redis)
    .WaitForCompletion(migrate)
    .WithHttpHealthCheck("/health")).ToList();

servers[0].WithRushCommands(servers, adminKey);

builder.Build().Run();
