using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticeTagGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "TagGroupId",
                table: "Notices",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TagGroupName",
                table: "Notices",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

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
                name: "IX_TagGroupMembers_ResidentId",
                table: "TagGroupMembers",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_TagGroups_CommunityId_Name",
                table: "TagGroups",
                columns: new[] { "CommunityId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TagGroupMembers");

            migrationBuilder.DropTable(
                name: "TagGroups");

            migrationBuilder.DropColumn(
                name: "TagGroupId",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "TagGroupName",
                table: "Notices");
        }
    }
}
