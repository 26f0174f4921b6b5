using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_request_attachments",
                schema: "agreements",
                columns: table => new
                {
                    PaymentRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_request_attachments", x => new { x.PaymentRequestId, x.Id });
                    table.ForeignKey(
                        name: "FK_payment_request_attachments_payment_requests_PaymentRequest~",
                        column: x => x.PaymentRequestId,
                        principalSchema: "agreements",
                        principalTable: "payment_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_request_attachments",
                schema: "agreements");
        }
    }
}
