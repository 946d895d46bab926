using TicketRush.RushCli;

var root = RushOptions.Command;
root.SetAction((result, _) => RushCommand.RunAsync(RushOptions.From(result)));
SoakOptions.Command.SetAction((result, _) => SoakCommand.RunAsync(SoakOptions.From(result)));
DrillOptions.Command.SetAction((result, _) => DrillCommand.RunAsync(DrillOptions.From(result)));
TokenOptions.Command.SetAction((result, _) => TokenCommand.RunAsync(TokenOptions.From(result)));
root.Subcommands.Add(SoakOptions.Command);
root.Subcommands.Add(DrillOptions.Command);
root.Subcommands.Add(TokenOptions.Command);

var parsed = root.Parse(args);
return CommandLineOptions.HelpOrErrors(parsed) ?? await parsed.InvokeAsync();
