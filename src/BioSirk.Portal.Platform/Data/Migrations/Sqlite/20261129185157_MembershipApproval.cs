using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MembershipApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitsApproval",
                table: "tenant_memberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitsApproval",
                table: "county_memberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitsApproval",
                table: "tenant_memberships");

            migrationBuilder.DropColumn(
                name: "AwaitsApproval",
                table: "county_memberships");
        }
    }
}
