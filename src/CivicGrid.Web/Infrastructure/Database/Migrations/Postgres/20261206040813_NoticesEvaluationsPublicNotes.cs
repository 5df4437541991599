using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticesEvaluationsPublicNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "TimelineEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "HomeGridId",
                table: "Residents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    IsRoundRating = table.Column<bool>(type: "boolean", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MeetingAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MeetingPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AsksAttendance = table.Column<bool>(type: "boolean", nullable: false),
                    AudienceId = table.Column<int>(type: "integer", nullable: false),
                    AudiencePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TagGroupId = table.Column<long>(type: "bigint", nullable: true),
                    TagGroupName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SentById = table.Column<Guid>(type: "uuid", nullable: false),
                    SentByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SentByUnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_OrgUnits_AudienceId",
                        column: x => x.AudienceId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TagGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TagGroups_OrgUnits_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeRecipients",
                columns: table => new
                {
                    NoticeId = table.Column<long>(type: "bigint", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<int>(type: "integer", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeRecipients", x => new { x.NoticeId, x.ResidentId });
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoticeRecipients_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TagGroupMembers",
                columns: table => new
                {
                    TagGroupId = table.Column<long>(type: "bigint", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagGroupMembers", x => new { x.TagGroupId, x.ResidentId });
                    table.ForeignKey(
                        name: "FK_TagGroupMembers_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TagGroupMembers_TagGroups_TagGroupId",
                        column: x => x.TagGroupId,
                        principalTable: "TagGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_HomeGridId",
                table: "Residents",
                column: "HomeGridId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_At",
                table: "Evaluations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_EventId_Round",
                table: "Evaluations",
                columns: new[] { "EventId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeRecipients_ResidentId",
                table: "NoticeRecipients",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_AudienceId",
                table: "Notices",
                column: "AudienceId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_AudiencePath_SentAt",
                table: "Notices",
                columns: new[] { "AudiencePath", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TagGroupMembers_ResidentId",
                table: "TagGroupMembers",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_TagGroups_CommunityId_Name",
                table: "TagGroups",
                columns: new[] { "CommunityId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Residents_OrgUnits_HomeGridId",
                table: "Residents",
                column: "HomeGridId",
                principalTable: "OrgUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Ratings events already carry become their first evaluations.
            migrationBuilder.Sql(EvaluationsBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Residents_OrgUnits_HomeGridId",
                table: "Residents");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "NoticeRecipients");

            migrationBuilder.DropTable(
                name: "TagGroupMembers");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "TagGroups");

            migrationBuilder.DropIndex(
                name: "IX_Residents_HomeGridId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "HomeGridId",
                table: "Residents");
        }
    }
}
