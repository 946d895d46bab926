namespace TicketRush.Contracts;

/// <summary>A request body that names its buyer (<c>userId</c>); a server that authenticates buyers replaces it with the token's subject.</summary>
public interface IBuyerRequest
{
    long? UserId { get; }

    /// <summary>The same request for <paramref name="buyer"/>.</summary>
    IBuyerRequest ForBuyer(long buyer);
}
