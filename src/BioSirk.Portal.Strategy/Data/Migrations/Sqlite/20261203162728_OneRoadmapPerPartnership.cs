using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Strategy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneRoadmapPerPartnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_roadmaps_PartnershipId",
                table: "roadmaps");

            migrationBuilder.CreateIndex(
                name: "IX_roadmaps_PartnershipId",
                table: "roadmaps",
                column: "PartnershipId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_roadmaps_PartnershipId",
                table: "roadmaps");

            migrationBuilder.CreateIndex(
                name: "IX_roadmaps_PartnershipId",
                table: "roadmaps",
                column: "PartnershipId");
        }
    }
}
