namespace TicketRush.Api.Buyers;

/// <summary>How a request says who its buyer is.</summary>
internal enum BuyerAuthentication
{
    /// <summary>Only a valid bearer token does: its subject is the buyer; a body <c>userId</c> may only repeat it.</summary>
    Required,

    /// <summary>
    /// The study's lab: a valid bearer token's subject wins when one is sent, and a body <c>userId</c> alone is still
    /// believed, so the JMeter plan and hand-written curl keep working. Never for a real sale.
    /// </summary>
    Lab,
}
