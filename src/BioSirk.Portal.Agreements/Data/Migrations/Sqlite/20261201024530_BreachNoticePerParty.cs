using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BreachNoticePerParty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreement_breach_notices",
                columns: table => new
                {
                    By = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemedyDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_breach_notices", x => new { x.AgreementId, x.By });
                    table.ForeignKey(
                        name: "FK_agreement_breach_notices_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The one notice an agreement could hold moves to the new table, under the party that gave it.
            migrationBuilder.Sql("""
                INSERT INTO agreement_breach_notices ("AgreementId", "By", "Description", "GivenOn", "RemedyDeadline", "UserId", "Name", "AtUtc")
                SELECT "Id", "BreachNotice_By", "BreachNotice_Description", "BreachNotice_GivenOn", "BreachNotice_RemedyDeadline",
                       "BreachNotice_UserId", "BreachNotice_Name", "BreachNotice_AtUtc"
                FROM agreements WHERE "BreachNotice_By" IS NOT NULL
                """);

            migrationBuilder.DropColumn(
                name: "BreachNotice_AtUtc",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_By",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_Description",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_GivenOn",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_Name",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_RemedyDeadline",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_UserId",
                table: "agreements");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<DateTime>(
                name: "BreachNotice_AtUtc",
                table: "agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BreachNotice_By",
                table: "agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BreachNotice_Description",
                table: "agreements",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BreachNotice_GivenOn",
                table: "agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BreachNotice_Name",
                table: "agreements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BreachNotice_RemedyDeadline",
                table: "agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BreachNotice_UserId",
                table: "agreements",
                type: "TEXT",
                nullable: true);

            // Back to one notice per agreement: the latest one given.
            migrationBuilder.Sql("""
                UPDATE agreements SET
                    "BreachNotice_By" = (SELECT n."By" FROM agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_Description" = (SELECT n."Description" FROM agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_GivenOn" = (SELECT n."GivenOn" FROM agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_RemedyDeadline" = (SELECT n."RemedyDeadline" FROM agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_UserId" = (SELECT n."UserId" FROM agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_Name" = (SELECT n."Name" FROM agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_AtUtc" = (SELECT n."AtUtc" FROM agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1)
                """);

            migrationBuilder.DropTable(
                name: "agreement_breach_notices");
        }
    }
}
