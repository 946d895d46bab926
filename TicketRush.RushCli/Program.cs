using TicketRush.RushCli;

return args switch
{
    ["soak", .. var soakArgs] => await SoakCommand.RunAsync(soakArgs),
    _ => await RushCommand.RunAsync(args),
};
