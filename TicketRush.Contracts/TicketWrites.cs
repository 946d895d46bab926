namespace TicketRush.Contracts;

/// <summary>Where a ticket's sales are written when several primaries hold the data.</summary>
public static class TicketWrites
{
    /// <summary>Every sale on the ticket's home database, whichever server sells: the database's locks see every buyer.</summary>
    public const string Home = "home";

    /// <summary>Each server on its own primary, as the study ran it: replication then overwrites one copy's stock with the other's.</summary>
    public const string Local = "local";
}
