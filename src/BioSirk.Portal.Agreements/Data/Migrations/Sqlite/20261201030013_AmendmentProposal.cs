using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AmendmentProposal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PendingAmendment_AtUtc",
                table: "agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingAmendment_By",
                table: "agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingAmendment_Id",
                table: "agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAmendment_Name",
                table: "agreements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAmendment_Reason",
                table: "agreements",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingAmendment_TermsJson",
                table: "agreements",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingAmendment_UserId",
                table: "agreements",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingAmendment_AtUtc",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_By",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_Id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_Name",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_Reason",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_TermsJson",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "PendingAmendment_UserId",
                table: "agreements");
        }
    }
}
