namespace TicketRush.Api.Buyers;

/// <summary>A request body that names its buyer (<c>userId</c>), which <see cref="BuyerRequestFilter"/> replaces with the authenticated one.</summary>
public interface IBuyerRequest
{
    long? UserId { get; }

    /// <summary>The same request for <paramref name="buyer"/>.</summary>
    IBuyerRequest ForBuyer(long buyer);
}
