using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgreementEventTextPhrase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TextPhrase",
                schema: "agreements",
                table: "agreement_events",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextPhrase",
                schema: "agreements",
                table: "agreement_events");
        }
    }
}
