using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventOutcomes",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    PlacePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StreetId = table.Column<int>(type: "integer", nullable: true),
                    CommunityId = table.Column<int>(type: "integer", nullable: true),
                    GridId = table.Column<int>(type: "integer", nullable: true),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Excluded = table.Column<bool>(type: "boolean", nullable: false),
                    LeadDepartmentId = table.Column<int>(type: "integer", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportedDay = table.Column<int>(type: "integer", nullable: false),
                    ReportedWeek = table.Column<int>(type: "integer", nullable: false),
                    ReportedMonth = table.Column<int>(type: "integer", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedDay = table.Column<int>(type: "integer", nullable: true),
                    ClosedWeek = table.Column<int>(type: "integer", nullable: true),
                    ClosedMonth = table.Column<int>(type: "integer", nullable: true),
                    SolvedOnSpot = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueCount = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    Dispatched = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    ReachedVerification = table.Column<bool>(type: "boolean", nullable: false),
                    ReworkCount = table.Column<int>(type: "integer", nullable: false),
                    AcceptMinutes = table.Column<int>(type: "integer", nullable: true),
                    DispatchMinutes = table.Column<int>(type: "integer", nullable: true),
                    SignForMinutes = table.Column<int>(type: "integer", nullable: true),
                    HandleMinutes = table.Column<int>(type: "integer", nullable: true),
                    VerifyMinutes = table.Column<int>(type: "integer", nullable: true),
                    TotalMinutes = table.Column<int>(type: "integer", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    CallbackStatus = table.Column<int>(type: "integer", nullable: true),
                    CallbackSatisfaction = table.Column<int>(type: "integer", nullable: true),
                    SupervisionOrders = table.Column<int>(type: "integer", nullable: false),
                    SupervisionAnsweredOnTime = table.Column<int>(type: "integer", nullable: false),
                    SupervisionAnsweredLate = table.Column<int>(type: "integer", nullable: false),
                    SupervisionUnanswered = table.Column<int>(type: "integer", nullable: false),
                    SupervisionConcluded = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventOutcomes", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_EventOutcomes_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventOutcomes_ClosedDay_PlacePath",
                table: "EventOutcomes",
                columns: new[] { "ClosedDay", "PlacePath" });

            migrationBuilder.CreateIndex(
                name: "IX_EventOutcomes_LeadDepartmentId_ClosedDay",
                table: "EventOutcomes",
                columns: new[] { "LeadDepartmentId", "ClosedDay" });

            migrationBuilder.CreateIndex(
                name: "IX_EventOutcomes_LeadDepartmentId_ReportedDay",
                table: "EventOutcomes",
                columns: new[] { "LeadDepartmentId", "ReportedDay" });

            migrationBuilder.CreateIndex(
                name: "IX_EventOutcomes_ReportedDay_PlacePath",
                table: "EventOutcomes",
                columns: new[] { "ReportedDay", "PlacePath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventOutcomes");
        }
    }
}
