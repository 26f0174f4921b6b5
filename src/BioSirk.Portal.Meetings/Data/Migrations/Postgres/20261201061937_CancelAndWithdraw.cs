using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Meetings.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CancelAndWithdraw : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                schema: "meetings",
                table: "meetings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                schema: "meetings",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                schema: "meetings",
                table: "agenda_items",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                schema: "meetings",
                table: "agenda_items",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellationReason",
                schema: "meetings",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                schema: "meetings",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                schema: "meetings",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                schema: "meetings",
                table: "agenda_items");
        }
    }
}
