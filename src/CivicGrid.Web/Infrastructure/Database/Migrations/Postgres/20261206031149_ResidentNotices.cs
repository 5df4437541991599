using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResidentNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HomeGridId",
                table: "Residents",
                type: "integer",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Residents_HomeGridId",
                table: "Residents",
                column: "HomeGridId");

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

            migrationBuilder.AddForeignKey(
                name: "FK_Residents_OrgUnits_HomeGridId",
                table: "Residents",
                column: "HomeGridId",
                principalTable: "OrgUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Residents_OrgUnits_HomeGridId",
                table: "Residents");

            migrationBuilder.DropTable(
                name: "NoticeRecipients");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropIndex(
                name: "IX_Residents_HomeGridId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "HomeGridId",
                table: "Residents");
        }
    }
}
