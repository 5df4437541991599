using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            // Events already open get their yellow point at 80% of the time from their last change to
            // their deadline: the step's start is not stored, and the last change is at or after it,
            // so an old event turns yellow late rather than early.
            migrationBuilder.Sql("""
                UPDATE "Events" SET "StepWarnAt" = "UpdatedAt" + ("StepDeadline" - "UpdatedAt") * 0.8 WHERE "StepDeadline" IS NOT NULL;
                """);

            migrationBuilder.AddColumn<bool>(
                name: "WorkingTime",
                table: "Categories",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
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
