namespace TicketRush.Bench.Report;

/// <summary>A strategy's rate over the rate of what bounds it, measured in the same run: how much of the ceiling it reaches.</summary>
internal sealed record Ratio(string Strategy, string Measure, double Rate, string Versus, double VersusRate)
{
    public double Value => VersusRate > 0 ? Rate / VersusRate : 0;
}
