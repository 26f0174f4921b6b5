using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementEventTextPhrase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TextPhrase",
                table: "agreement_events",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextPhrase",
                table: "agreement_events");
        }
    }
}
