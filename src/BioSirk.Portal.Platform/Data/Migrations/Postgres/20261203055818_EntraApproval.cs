using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EntraApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedDomains",
                schema: "platform",
                table: "entra_connections",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ApprovedEntraTenantId",
                schema: "platform",
                table: "entra_connections",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedDomains",
                schema: "platform",
                table: "entra_connections");

            migrationBuilder.DropColumn(
                name: "ApprovedEntraTenantId",
                schema: "platform",
                table: "entra_connections");
        }
    }
}
