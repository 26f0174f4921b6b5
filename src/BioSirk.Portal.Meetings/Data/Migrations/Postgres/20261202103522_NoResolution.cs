using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Meetings.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoResolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MinutesNote",
                schema: "meetings",
                table: "agenda_items",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoResolution",
                schema: "meetings",
                table: "agenda_items",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MinutesNote",
                schema: "meetings",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "NoResolution",
                schema: "meetings",
                table: "agenda_items");
        }
    }
}
