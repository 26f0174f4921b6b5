using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Agreements.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreement_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agreement_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TermsJson = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChangesJson = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CountyName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SubGoals = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CountyContactName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CountyContactEmail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CouncilOrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    CouncilContactName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CouncilContactEmail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActivitiesDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FrameAmount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    HourRate = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    DirectCostRule = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    InvoiceText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProjectNumber = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequiredDocumentation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CouncilSignature_UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CouncilSignature_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CouncilSignature_AtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CountySignature_UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CountySignature_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CountySignature_AtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BreachNotice_By = table.Column<int>(type: "INTEGER", nullable: true),
                    BreachNotice_Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BreachNotice_GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BreachNotice_RemedyDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BreachNotice_UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BreachNotice_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BreachNotice_AtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RescindedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "direct_costs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Voucher_FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Voucher_FileName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Voucher_ContentType = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Voucher_Size = table.Column<long>(type: "INTEGER", nullable: true),
                    Voucher_Sha256 = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_direct_costs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hour_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Person = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hour_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MilestoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    SpentSoFar = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    StatusText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    InvoiceMarking = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MilestoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    PayableSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payment_milestones_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_group_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderCountyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_working_group_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_working_group_members_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_agreement_events_AgreementId",
                table: "agreement_events",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_versions_AgreementId_Version",
                table: "agreement_versions",
                columns: new[] { "AgreementId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreements_FunderCountyId",
                table: "agreements",
                column: "FunderCountyId");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_TenantId",
                table: "agreements",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_direct_costs_AgreementId_Date",
                table: "direct_costs",
                columns: new[] { "AgreementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_hour_entries_AgreementId_Date",
                table: "hour_entries",
                columns: new[] { "AgreementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_payment_milestones_AgreementId",
                table: "payment_milestones",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_payment_requests_AgreementId",
                table: "payment_requests",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_AgreementId",
                table: "payments",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_sent_reminders_AgreementId_Key",
                table: "sent_reminders",
                columns: new[] { "AgreementId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_working_group_members_AgreementId",
                table: "working_group_members",
                column: "AgreementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_events");

            migrationBuilder.DropTable(
                name: "agreement_versions");

            migrationBuilder.DropTable(
                name: "direct_costs");

            migrationBuilder.DropTable(
                name: "hour_entries");

            migrationBuilder.DropTable(
                name: "payment_milestones");

            migrationBuilder.DropTable(
                name: "payment_request_attachments");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "sent_reminders");

            migrationBuilder.DropTable(
                name: "working_group_members");

            migrationBuilder.DropTable(
                name: "payment_requests");

            migrationBuilder.DropTable(
                name: "agreements");
        }
    }
}
