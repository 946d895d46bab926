using System.ComponentModel.DataAnnotations;

namespace TicketRush.Api.Catalog;

/// <summary>The sale catalog (section <c>Catalog</c>).</summary>
internal sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>How many tickets' sales each server keeps in memory (id → strategy, and whether sold out).</summary>
    [Range(1, 10_000_000)]
    public int CachedSales { get; set; } = 100_000;
}
