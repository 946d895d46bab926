using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketRush.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketWaitingRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "admission_seconds",
                table: "tickets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "admit_per_second",
                table: "tickets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "overbooking",
                table: "tickets",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "admission_seconds",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "admit_per_second",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "overbooking",
                table: "tickets");
        }
    }
}
