using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EntraConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "entra_connections",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerKind = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntraTenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllowedDomains = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entra_connections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entra_connections_EntraTenantId",
                schema: "platform",
                table: "entra_connections",
                column: "EntraTenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entra_connections_OwnerKind_OwnerId",
                schema: "platform",
                table: "entra_connections",
                columns: new[] { "OwnerKind", "OwnerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entra_connections",
                schema: "platform");
        }
    }
}
