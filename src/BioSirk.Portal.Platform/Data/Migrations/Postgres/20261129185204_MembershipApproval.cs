using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MembershipApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitsApproval",
                schema: "platform",
                table: "tenant_memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitsApproval",
                schema: "platform",
                table: "county_memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitsApproval",
                schema: "platform",
                table: "tenant_memberships");

            migrationBuilder.DropColumn(
                name: "AwaitsApproval",
                schema: "platform",
                table: "county_memberships");
        }
    }
}
