namespace TicketRush.Contracts;

/// <summary>The issuer and audience a buyer token carries unless configured otherwise: the servers check them, lab clients mint them.</summary>
public static class BuyerTokenDefaults
{
    public const string Issuer = "ticketrush";
    public const string Audience = "ticketrush-api";
}
