using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResidentsSide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppointmentSlots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepresentativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RepresentativeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RepresentativeUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ServesUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServesUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ServesUnitPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentSlots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Callbacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    SampledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RatingSmsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Callbacks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Callbacks_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSignInAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentSignInCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Salt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedFrom = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentSignInCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SlotId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OutcomeAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    EventNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_AppointmentSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "AppointmentSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Appointments_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Appointments_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Suggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RepliedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RepliedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RepliedByUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Suggestions_OrgUnits_StreetId",
                        column: x => x.StreetId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Suggestions_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ReporterPhone_ReportedAt",
                table: "Events",
                columns: new[] { "ReporterPhone", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ActiveSlot",
                table: "Appointments",
                column: "SlotId",
                unique: true,
                filter: "\"CancelledAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_EventId",
                table: "Appointments",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ResidentId_BookedAt",
                table: "Appointments",
                columns: new[] { "ResidentId", "BookedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentSlots_RepresentativeId_StartsAt",
                table: "AppointmentSlots",
                columns: new[] { "RepresentativeId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentSlots_ServesUnitPath_StartsAt",
                table: "AppointmentSlots",
                columns: new[] { "ServesUnitPath", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_EventId",
                table: "Callbacks",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_Status_SampledAt",
                table: "Callbacks",
                columns: new[] { "Status", "SampledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_Phone",
                table: "Residents",
                column: "Phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentSignInCodes_Phone_CreatedAt",
                table: "ResidentSignInCodes",
                columns: new[] { "Phone", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentSignInCodes_RequestedFrom_CreatedAt",
                table: "ResidentSignInCodes",
                columns: new[] { "RequestedFrom", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_ResidentId_CreatedAt",
                table: "Suggestions",
                columns: new[] { "ResidentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_StreetId_RepliedAt",
                table: "Suggestions",
                columns: new[] { "StreetId", "RepliedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "Callbacks");

            migrationBuilder.DropTable(
                name: "ResidentSignInCodes");

            migrationBuilder.DropTable(
                name: "Suggestions");

            migrationBuilder.DropTable(
                name: "AppointmentSlots");

            migrationBuilder.DropTable(
                name: "Residents");

            migrationBuilder.DropIndex(
                name: "IX_Events_ReporterPhone_ReportedAt",
                table: "Events");
        }
    }
}
