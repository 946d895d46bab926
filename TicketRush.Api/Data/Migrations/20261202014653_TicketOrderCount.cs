using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketRush.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketOrderCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "order_count",
                table: "tickets",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Tickets sold before the column existed: counted once here, never again per request.
            migrationBuilder.Sql("UPDATE tickets SET order_count = (SELECT COUNT(*) FROM ticket_orders WHERE ticket_orders.ticket_id = tickets.id)");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_orders_ticket_order",
                table: "ticket_orders",
                columns: new[] { "ticket_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ticket_orders_ticket_order",
                table: "ticket_orders");

            migrationBuilder.DropColumn(
                name: "order_count",
                table: "tickets");
        }
    }
}
