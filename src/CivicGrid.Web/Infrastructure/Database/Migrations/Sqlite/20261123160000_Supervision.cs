using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "OverdueNoticedFor",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OverdueNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HolderUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IssuerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuerUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AddresseeUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AddresseeUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReplierName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReplierUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    UnansweredNoticedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcludedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcluderName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropColumn(
                name: "OverdueNoticedFor",
                table: "Events");
        }
    }
}
