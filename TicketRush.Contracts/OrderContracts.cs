using System.ComponentModel.DataAnnotations;

namespace TicketRush.Contracts;

public sealed record PurchaseRequest(
    [Display(Name = "userId")]
    [Required(ErrorMessage = ValidationMessages.Required)]
    [Range(1, long.MaxValue, ErrorMessage = ValidationMessages.AtLeastOne)]
    long? UserId);

public sealed record OrderResponse(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, string ServedBy, string Strategy);

public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int Page, int PageSize, int TotalCount);
