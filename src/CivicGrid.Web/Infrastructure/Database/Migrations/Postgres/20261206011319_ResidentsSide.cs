using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepresentativeId = table.Column<Guid>(type: "uuid", nullable: false),
                    RepresentativeName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RepresentativeUnitId = table.Column<int>(type: "integer", nullable: false),
                    RepresentativeUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ServesUnitId = table.Column<int>(type: "integer", nullable: false),
                    ServesUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ServesUnitPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentSlots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Callbacks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    SampledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RatingSmsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSignInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentSignInCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Salt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedFrom = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentSignInCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SlotId = table.Column<long>(type: "bigint", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BookedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OutcomeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EventId = table.Column<long>(type: "bigint", nullable: true),
                    EventNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StreetId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RepliedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RepliedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RepliedByUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
