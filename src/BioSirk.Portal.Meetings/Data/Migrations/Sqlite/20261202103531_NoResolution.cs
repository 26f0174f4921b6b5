using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Meetings.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoResolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MinutesNote",
                table: "agenda_items",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoResolution",
                table: "agenda_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MinutesNote",
                table: "agenda_items");

            migrationBuilder.DropColumn(
                name: "NoResolution",
                table: "agenda_items");
        }
    }
}
