using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoutingAndDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DispatchRuleId",
                table: "TimelineEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OverdueNoticedFor",
                table: "Events",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckedInAt",
                table: "EventAssignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DefaultUrgency",
                table: "Categories",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<List<string>>(
                name: "Examples",
                table: "Categories",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Initials",
                table: "Categories",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "Categories",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Synonyms",
                table: "Categories",
                type: "text[]",
                nullable: false);

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

            migrationBuilder.CreateTable(
                name: "DispatchRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    LeadDepartmentId = table.Column<int>(type: "integer", nullable: false),
                    AssistDepartmentIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DispatchRules_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DispatchRules_OrgUnits_AreaId",
                        column: x => x.AreaId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DispatchRules_OrgUnits_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OverdueNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HolderUnitId = table.Column<int>(type: "integer", nullable: false),
                    SupervisorUnitId = table.Column<int>(type: "integer", nullable: false),
                    NoticedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverdueNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OverdueNotices_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OverdueNotices_OrgUnits_HolderUnitId",
                        column: x => x.HolderUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OverdueNotices_OrgUnits_SupervisorUnitId",
                        column: x => x.SupervisorUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionOrders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuerId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IssuerUnitId = table.Column<int>(type: "integer", nullable: false),
                    IssuerUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddresseeUnitId = table.Column<int>(type: "integer", nullable: false),
                    AddresseeUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplierName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReplierUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    UnansweredNoticedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Assessment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConcludedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConcluderName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionOrders_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisionOrders_OrgUnits_AddresseeUnitId",
                        column: x => x.AddresseeUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionOrders_OrgUnits_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_OpenDeadline",
                table: "Events",
                column: "StepDeadline",
                filter: "\"StepDeadline\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Events_OverdueUnnoticed",
                table: "Events",
                column: "StepDeadline",
                filter: "\"StepDeadline\" IS NOT NULL AND (\"OverdueNoticedFor\" IS NULL OR \"OverdueNoticedFor\" <> \"StepDeadline\")");

            migrationBuilder.CreateIndex(
                name: "IX_Categories_ParentId",
                table: "Categories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchRules_AreaId",
                table: "DispatchRules",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchRules_CategoryId_AreaId",
                table: "DispatchRules",
                columns: new[] { "CategoryId", "AreaId" },
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchRules_LeadDepartmentId",
                table: "DispatchRules",
                column: "LeadDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OverdueNotices_EventId_Deadline",
                table: "OverdueNotices",
                columns: new[] { "EventId", "Deadline" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OverdueNotices_HolderUnitId",
                table: "OverdueNotices",
                column: "HolderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OverdueNotices_SupervisorUnitId_NoticedAt",
                table: "OverdueNotices",
                columns: new[] { "SupervisorUnitId", "NoticedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionOrders_AddresseeUnitId",
                table: "SupervisionOrders",
                column: "AddresseeUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionOrders_EventId",
                table: "SupervisionOrders",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionOrders_IssuerId_IssuedAt",
                table: "SupervisionOrders",
                columns: new[] { "IssuerId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionOrders_IssuerUnitId",
                table: "SupervisionOrders",
                column: "IssuerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionOrders_Unnoticed",
                table: "SupervisionOrders",
                column: "Deadline",
                filter: "\"RepliedAt\" IS NULL AND \"UnansweredNoticedAt\" IS NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Categories_Categories_ParentId",
                table: "Categories",
                column: "ParentId",
                principalTable: "Categories",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Categories_Categories_ParentId",
                table: "Categories");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "DispatchRules");

            migrationBuilder.DropTable(
                name: "OverdueNotices");

            migrationBuilder.DropTable(
                name: "SupervisionOrders");

            migrationBuilder.DropIndex(
                name: "IX_Events_OpenDeadline",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_OverdueUnnoticed",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Categories_ParentId",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "DispatchRuleId",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "OverdueNoticedFor",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "StepWarnAt",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "CheckedInAt",
                table: "EventAssignments");

            migrationBuilder.DropColumn(
                name: "DefaultUrgency",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "Examples",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "Initials",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "Synonyms",
                table: "Categories");

            migrationBuilder.DropColumn(
                name: "WorkingTime",
                table: "Categories");
        }
    }
}
