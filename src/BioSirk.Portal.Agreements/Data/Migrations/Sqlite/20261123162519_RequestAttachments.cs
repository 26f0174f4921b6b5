using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_request_attachments",
                columns: table => new
                {
                    PaymentRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_request_attachments", x => new { x.PaymentRequestId, x.Id });
                    table.ForeignKey(
                        name: "FK_payment_request_attachments_payment_requests_PaymentRequestId",
                        column: x => x.PaymentRequestId,
                        principalTable: "payment_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_request_attachments");
        }
    }
}
