using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BreachNoticePerParty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreement_breach_notices",
                schema: "agreements",
                columns: table => new
                {
                    By = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemedyDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_breach_notices", x => new { x.AgreementId, x.By });
                    table.ForeignKey(
                        name: "FK_agreement_breach_notices_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "agreements",
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The one notice an agreement could hold moves to the new table, under the party that gave it.
            migrationBuilder.Sql("""
                INSERT INTO agreements.agreement_breach_notices ("AgreementId", "By", "Description", "GivenOn", "RemedyDeadline", "UserId", "Name", "AtUtc")
                SELECT "Id", "BreachNotice_By", "BreachNotice_Description", "BreachNotice_GivenOn", "BreachNotice_RemedyDeadline",
                       "BreachNotice_UserId", "BreachNotice_Name", "BreachNotice_AtUtc"
                FROM agreements.agreements WHERE "BreachNotice_By" IS NOT NULL
                """);

            migrationBuilder.DropColumn(
                name: "BreachNotice_AtUtc",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_By",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_Description",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_GivenOn",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_Name",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_RemedyDeadline",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "BreachNotice_UserId",
                schema: "agreements",
                table: "agreements");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<DateTime>(
                name: "BreachNotice_AtUtc",
                schema: "agreements",
                table: "agreements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BreachNotice_By",
                schema: "agreements",
                table: "agreements",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BreachNotice_Description",
                schema: "agreements",
                table: "agreements",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BreachNotice_GivenOn",
                schema: "agreements",
                table: "agreements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BreachNotice_Name",
                schema: "agreements",
                table: "agreements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BreachNotice_RemedyDeadline",
                schema: "agreements",
                table: "agreements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BreachNotice_UserId",
                schema: "agreements",
                table: "agreements",
                type: "uuid",
                nullable: true);

            // Back to one notice per agreement: the latest one given.
            migrationBuilder.Sql("""
                UPDATE agreements.agreements SET
                    "BreachNotice_By" = (SELECT n."By" FROM agreements.agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_Description" = (SELECT n."Description" FROM agreements.agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_GivenOn" = (SELECT n."GivenOn" FROM agreements.agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_RemedyDeadline" = (SELECT n."RemedyDeadline" FROM agreements.agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_UserId" = (SELECT n."UserId" FROM agreements.agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_Name" = (SELECT n."Name" FROM agreements.agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1),
                    "BreachNotice_AtUtc" = (SELECT n."AtUtc" FROM agreements.agreement_breach_notices n WHERE n."AgreementId" = agreements."Id" ORDER BY n."AtUtc" DESC LIMIT 1)
                """);

            migrationBuilder.DropTable(
                name: "agreement_breach_notices",
                schema: "agreements");
        }
    }
}
