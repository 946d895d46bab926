using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketRush.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketLastSale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_sale",
                table: "tickets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_sale",
                table: "tickets");
        }
    }
}
