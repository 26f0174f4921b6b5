using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AmendmentProposal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PendingAmendment_AtUtc",
                schema: "agreements",
                table: "agreements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingAmendment_By",
                schema: "agreements",
                table: "agreements",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingAmendment_Id",
                schema: "agreements",
                table: "agreements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAmendment_Name",
                schema: "agreements",
                table: "agreements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAmendment_Reason",
                schema: "agreements",
                table: "agreements",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAmendment_TermsJson",
                schema: "agreements",
                table: "agreements",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingAmendment_UserId",
                schema: "agreements",
                table: "agreements",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingAmendment_AtUtc",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_By",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_Id",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_Name",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_Reason",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_TermsJson",
                schema: "agreements",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_UserId",
                schema: "agreements",
                table: "agreements");
        }
    }
}
