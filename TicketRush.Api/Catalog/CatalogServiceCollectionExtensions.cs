namespace TicketRush.Api.Catalog;

internal static class CatalogServiceCollectionExtensions
{
    /// <summary>The tickets on sale as purchases and the waiting room read them.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SaleCatalog>();
        return builder;
    }
}
