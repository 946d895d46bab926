using System.ComponentModel.DataAnnotations;

namespace TicketRush.Contracts;

/// <param name="UserId">The buyer; with a buyer token it may be left out (the token's subject is the buyer, put here
/// before the handler runs; without a token a missing one is refused there).</param>
public sealed record PurchaseRequest(
    [Display(Name = "userId")]
    [Range(1, long.MaxValue, ErrorMessage = ValidationMessages.AtLeastOne)]
    long? UserId) : IBuyerRequest
{
    public IBuyerRequest ForBuyer(long buyer) => this with { UserId = buyer };
}

public sealed record OrderResponse(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, string ServedBy, string Strategy);

/// <param name="Next">The next page (<c>?after=</c> this page's last order), null on the last page.</param>
public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int PageSize, string? Next);
