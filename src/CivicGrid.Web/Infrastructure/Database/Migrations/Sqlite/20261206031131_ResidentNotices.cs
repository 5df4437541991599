using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MeetingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MeetingPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AsksAttendance = table.Column<bool>(type: "INTEGER", nullable: false),
                    AudienceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SentByUnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    NoticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
