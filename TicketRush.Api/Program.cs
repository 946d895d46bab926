using Scalar.AspNetCore;
using TicketRush.Api.Admin;
using TicketRush.Api.Buyers;
using TicketRush.Api.Catalog;
using TicketRush.Api.Data;
using TicketRush.Api.Faults;
using TicketRush.Api.Idempotency;
using TicketRush.Api.Orders;
using TicketRush.Api.Problems;
using TicketRush.Api.Purchasing;
using TicketRush.Api.RateLimiting;
using TicketRush.Api.Replication;
using TicketRush.Api.Servers;
using TicketRush.Api.Tickets;
using TicketRush.Api.WaitingRoom;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServerIdentity();
builder.AddAdmin();
builder.AddBuyers();
builder.AddTicketRushData();
builder.AddReplicationMonitor();
builder.AddCatalog();
builder.AddPurchasing();
builder.AddTickets();
builder.AddOrders();
builder.AddIdempotency();
builder.AddRateLimits();
builder.AddWaitingRoom();
builder.AddFaultInjection();
builder.Services.AddTicketRushProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

if (args.Contains(DatabaseMigrator.Command))
{
    await DatabaseMigrator.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
    return;
}

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // Minimal APIs throw on malformed input (see AddTicketRushProblemDetails); that is the client's error, not ours.
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseServedByHeader();
app.UseForwardedHeaders();
app.UseAuthentication();
app.UseRateLimiter();

app.MapTicketsApi();
app.MapOrdersApi();
app.MapStrategiesApi();
app.MapWaitingRoomApi();
app.MapFaultsApi();
app.MapReplicationApi();
app.MapDevTokensApi();
app.MapDefaultEndpoints();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}

app.Run();

/// <summary>Entry point, visible to tests.</summary>
internal partial class Program;
