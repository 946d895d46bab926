using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketRush.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketStrategy : Migration
    {
        /// <inheritdoc />
        // Tickets created before a ticket owned its strategy were sold under whatever each buyer asked; from now on they sell safely.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "strategy",
                table: "tickets",
                type: "varchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "atomic")
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "strategy",
                table: "tickets");
        }
    }
}
