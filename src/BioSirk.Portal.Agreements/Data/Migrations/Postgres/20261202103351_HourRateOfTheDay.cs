using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HourRateOfTheDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "HourRate",
                schema: "agreements",
                table: "hour_entries",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            // Hours registered so far were all priced at the agreement's one rate.
            migrationBuilder.Sql("UPDATE agreements.hour_entries AS h SET \"HourRate\" = a.\"HourRate\" FROM agreements.agreements AS a WHERE a.\"Id\" = h.\"AgreementId\";");

            migrationBuilder.CreateTable(
                name: "agreement_hour_rate_changes",
                schema: "agreements",
                columns: table => new
                {
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    PreviousRate = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_hour_rate_changes", x => new { x.AgreementId, x.From });
                    table.ForeignKey(
                        name: "FK_agreement_hour_rate_changes_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "agreements",
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_hour_rate_changes",
                schema: "agreements");

            migrationBuilder.DropColumn(
                name: "HourRate",
                schema: "agreements",
                table: "hour_entries");
        }
    }
}
