using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Indicators.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorDefinedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DefinedOn",
                schema: "indicators",
                table: "indicators",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Indicators made before this column: as if defined on their baseline date (their reporting stays as it was).
            migrationBuilder.Sql("""UPDATE indicators.indicators SET "DefinedOn" = "BaselineDate";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DefinedOn",
                schema: "indicators",
                table: "indicators");
        }
    }
}
