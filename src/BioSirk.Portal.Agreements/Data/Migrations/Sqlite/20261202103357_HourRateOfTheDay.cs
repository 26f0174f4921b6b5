using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HourRateOfTheDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "HourRate",
                table: "hour_entries",
                type: "TEXT",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // Hours registered so far were all priced at the agreement's one rate.
            migrationBuilder.Sql("UPDATE hour_entries SET \"HourRate\" = (SELECT a.\"HourRate\" FROM agreements AS a WHERE a.\"Id\" = hour_entries.\"AgreementId\");");

            migrationBuilder.CreateTable(
                name: "agreement_hour_rate_changes",
                columns: table => new
                {
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousRate = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_hour_rate_changes", x => new { x.AgreementId, x.From });
                    table.ForeignKey(
                        name: "FK_agreement_hour_rate_changes_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_hour_rate_changes");

            migrationBuilder.DropColumn(
                name: "HourRate",
                table: "hour_entries");
        }
    }
}
