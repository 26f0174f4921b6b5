using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Reporting.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "final_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CouncilName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Activities = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Results = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Deviations = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UseOfFunds = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FurtherWork = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    LastEditedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastEditedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedVersions = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_final_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_pdfs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContentJson = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_pdfs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "report_submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Timesheet_FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Timesheet_FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    Timesheet_ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Timesheet_Size = table.Column<long>(type: "INTEGER", nullable: true),
                    Timesheet_Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "final_report_attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_final_report_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_final_report_attachments_final_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "final_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_section_comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Section = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_section_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_section_comments_report_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "report_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_final_report_attachments_ReportId",
                table: "final_report_attachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_final_reports_AgreementId",
                table: "final_reports",
                column: "AgreementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_pdfs_AgreementId",
                table: "report_pdfs",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_report_pdfs_ReportId_Number",
                table: "report_pdfs",
                columns: new[] { "ReportId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_section_comments_SubmissionId",
                table: "report_section_comments",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_report_submissions_AgreementId",
                table: "report_submissions",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_report_submissions_ReportId_Version",
                table: "report_submissions",
                columns: new[] { "ReportId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "final_report_attachments");

            migrationBuilder.DropTable(
                name: "report_pdfs");

            migrationBuilder.DropTable(
                name: "report_section_comments");

            migrationBuilder.DropTable(
                name: "final_reports");

            migrationBuilder.DropTable(
                name: "report_submissions");
        }
    }
}
