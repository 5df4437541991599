using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "StepWarnAt",
                table: "Events",
                type: "TEXT",
                nullable: true);

            // Events already open get their yellow point at 80% of the time from their last change to
            // their deadline: the step's start is not stored, and the last change is at or after it,
            // so an old event turns yellow late rather than early.
            migrationBuilder.Sql("""
                UPDATE "Events" SET "StepWarnAt" = rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', julianday("UpdatedAt") + 0.8 * (julianday("StepDeadline") - julianday("UpdatedAt"))), '0'), '.') WHERE "StepDeadline" IS NOT NULL;
                """);

            migrationBuilder.AddColumn<bool>(
                name: "WorkingTime",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropColumn(
                name: "StepWarnAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "WorkingTime",
                table: "Categories");
        }
    }
}
