using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BioSirk.Portal.Strategy.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "strategy");

            migrationBuilder.CreateTable(
                name: "actions",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerCouncilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ResponsibleUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResponsibleName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CollaboratingCouncilIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Judgement = table.Column<int>(type: "integer", nullable: false),
                    JudgementComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProgressUpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProgressUpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "adoption_decisions",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CouncilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adoption_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "roadmap_versions",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SnapshotJson = table.Column<string>(type: "character varying(1000000)", maxLength: 1000000, nullable: false),
                    FrozenByName = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FrozenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecisionWanted = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadmap_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "roadmaps",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoordinatorCouncilId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportingDates = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadmaps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sent_action_reminders",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_action_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "action_links",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_links_actions_ActionId",
                        column: x => x.ActionId,
                        principalSchema: "strategy",
                        principalTable: "actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "focus_areas",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_focus_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_focus_areas_roadmaps_RoadmapId",
                        column: x => x.RoadmapId,
                        principalSchema: "strategy",
                        principalTable: "roadmaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "goals",
                schema: "strategy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FocusAreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoadmapId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_goals_focus_areas_FocusAreaId",
                        column: x => x.FocusAreaId,
                        principalSchema: "strategy",
                        principalTable: "focus_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_links_ActionId",
                schema: "strategy",
                table: "action_links",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_ResponsibleUserId",
                schema: "strategy",
                table: "actions",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_RoadmapId",
                schema: "strategy",
                table: "actions",
                column: "RoadmapId");

            migrationBuilder.CreateIndex(
                name: "IX_adoption_decisions_VersionId_CouncilId",
                schema: "strategy",
                table: "adoption_decisions",
                columns: new[] { "VersionId", "CouncilId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_focus_areas_RoadmapId",
                schema: "strategy",
                table: "focus_areas",
                column: "RoadmapId");

            migrationBuilder.CreateIndex(
                name: "IX_goals_FocusAreaId",
                schema: "strategy",
                table: "goals",
                column: "FocusAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_roadmap_versions_RoadmapId_Number",
                schema: "strategy",
                table: "roadmap_versions",
                columns: new[] { "RoadmapId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_roadmaps_PartnershipId",
                schema: "strategy",
                table: "roadmaps",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_sent_action_reminders_ActionId_ReportingDate",
                schema: "strategy",
                table: "sent_action_reminders",
                columns: new[] { "ActionId", "ReportingDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_links",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "adoption_decisions",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "goals",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "roadmap_versions",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "sent_action_reminders",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "actions",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "focus_areas",
                schema: "strategy");

            migrationBuilder.DropTable(
                name: "roadmaps",
                schema: "strategy");
        }
    }
}
