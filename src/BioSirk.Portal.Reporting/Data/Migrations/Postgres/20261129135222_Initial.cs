using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BioSirk.Portal.Reporting.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "final_reports",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CouncilName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Activities = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Results = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Deviations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UseOfFunds = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FurtherWork = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    LastEditedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastEditedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedVersions = table.Column<int>(type: "integer", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_final_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_pdfs",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContentJson = table.Column<string>(type: "text", maxLength: 2147483647, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_pdfs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_submissions",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentJson = table.Column<string>(type: "text", maxLength: 2147483647, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Timesheet_FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Timesheet_FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    Timesheet_ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Timesheet_Size = table.Column<long>(type: "bigint", nullable: true),
                    Timesheet_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecisionComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "final_report_attachments",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_final_report_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_final_report_attachments_final_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "reporting",
                        principalTable: "final_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_section_comments",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Section = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_section_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_section_comments_report_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalSchema: "reporting",
                        principalTable: "report_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_final_report_attachments_ReportId",
                schema: "reporting",
                table: "final_report_attachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_final_reports_AgreementId",
                schema: "reporting",
                table: "final_reports",
                column: "AgreementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_pdfs_AgreementId",
                schema: "reporting",
                table: "report_pdfs",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_report_pdfs_ReportId_Number",
                schema: "reporting",
                table: "report_pdfs",
                columns: new[] { "ReportId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_section_comments_SubmissionId",
                schema: "reporting",
                table: "report_section_comments",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_report_submissions_AgreementId",
                schema: "reporting",
                table: "report_submissions",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_report_submissions_ReportId_Version",
                schema: "reporting",
                table: "report_submissions",
                columns: new[] { "ReportId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "final_report_attachments",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "report_pdfs",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "report_section_comments",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "final_reports",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "report_submissions",
                schema: "reporting");
        }
    }
}
