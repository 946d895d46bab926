using TicketRush.RushCli;

return args switch
{
    ["soak", .. var soakArgs] => await SoakCommand.RunAsync(soakArgs),
    ["drill", .. var drillArgs] => await DrillCommand.RunAsync(drillArgs),
    _ => await RushCommand.RunAsync(args),
};
