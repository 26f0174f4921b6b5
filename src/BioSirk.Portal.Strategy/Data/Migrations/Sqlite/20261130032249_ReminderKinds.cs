using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BioSirk.Portal.Strategy.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sent_action_reminders_ActionId_ReportingDate",
                table: "sent_action_reminders");

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "sent_action_reminders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_sent_action_reminders_ActionId_ReportingDate_Kind",
                table: "sent_action_reminders",
                columns: new[] { "ActionId", "ReportingDate", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sent_action_reminders_ActionId_ReportingDate_Kind",
                table: "sent_action_reminders");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "sent_action_reminders");

            migrationBuilder.CreateIndex(
                name: "IX_sent_action_reminders_ActionId_ReportingDate",
                table: "sent_action_reminders",
                columns: new[] { "ActionId", "ReportingDate" },
                unique: true);
        }
    }
}
