using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketRush.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TicketRushDbContext>
{
    public TicketRushDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TicketRushDbContext>()
            .UseMySql("Server=localhost;Database=ticketrush", DatabaseOptions.DefaultServerVersion)
            .Options);
}
