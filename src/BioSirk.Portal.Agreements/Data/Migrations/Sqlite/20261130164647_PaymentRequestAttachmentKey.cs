using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentRequestAttachmentKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_payment_request_attachments",
                table: "payment_request_attachments");

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "payment_request_attachments",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_payment_request_attachments",
                table: "payment_request_attachments",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_payment_request_attachments_PaymentRequestId",
                table: "payment_request_attachments",
                column: "PaymentRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_payment_request_attachments",
                table: "payment_request_attachments");

            migrationBuilder.DropIndex(
                name: "IX_payment_request_attachments_PaymentRequestId",
                table: "payment_request_attachments");

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "payment_request_attachments",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_payment_request_attachments",
                table: "payment_request_attachments",
                columns: new[] { "PaymentRequestId", "Id" });
        }
    }
}
