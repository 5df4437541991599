using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Geography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "StreetId",
                table: "Events",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<int>(
                name: "CommunityId",
                table: "Events",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "BuildingId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BuildingUnitId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Buildings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Buildings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Buildings_OrgUnits_GridId",
                        column: x => x.GridId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EventCoReporters",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCoReporters", x => new { x.EventId, x.UserId });
                    table.ForeignKey(
                        name: "FK_EventCoReporters_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GridBoundaries",
                columns: table => new
                {
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MinLatitude = table.Column<double>(type: "REAL", nullable: false),
                    MinLongitude = table.Column<double>(type: "REAL", nullable: false),
                    MaxLatitude = table.Column<double>(type: "REAL", nullable: false),
                    MaxLongitude = table.Column<double>(type: "REAL", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridBoundaries", x => x.GridId);
                    table.ForeignKey(
                        name: "FK_GridBoundaries_OrgUnits_GridId",
                        column: x => x.GridId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaceCodes",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceCodes", x => x.Token);
                });

            migrationBuilder.CreateTable(
                name: "BuildingUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BuildingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuildingUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BuildingUnits_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_BuildingId",
                table: "Events",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_BuildingUnitId",
                table: "Events",
                column: "BuildingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Latitude_Longitude",
                table: "Events",
                columns: new[] { "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_MergedIntoId",
                table: "Events",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Buildings_Address",
                table: "Buildings",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_Buildings_GridId_Name",
                table: "Buildings",
                columns: new[] { "GridId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BuildingUnits_BuildingId_Name",
                table: "BuildingUnits",
                columns: new[] { "BuildingId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventCoReporters_UserId",
                table: "EventCoReporters",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_GridBoundaries_MinLatitude_MaxLatitude_MinLongitude_MaxLongitude",
                table: "GridBoundaries",
                columns: new[] { "MinLatitude", "MaxLatitude", "MinLongitude", "MaxLongitude" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceCodes_Kind_TargetId",
                table: "PlaceCodes",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Events_BuildingUnits_BuildingUnitId",
                table: "Events",
                column: "BuildingUnitId",
                principalTable: "BuildingUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Buildings_BuildingId",
                table: "Events",
                column: "BuildingId",
                principalTable: "Buildings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Events_MergedIntoId",
                table: "Events",
                column: "MergedIntoId",
                principalTable: "Events",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Events_BuildingUnits_BuildingUnitId",
                table: "Events");

            migrationBuilder.DropForeignKey(
                name: "FK_Events_Buildings_BuildingId",
                table: "Events");

            migrationBuilder.DropForeignKey(
                name: "FK_Events_Events_MergedIntoId",
                table: "Events");

            migrationBuilder.DropTable(
                name: "BuildingUnits");

            migrationBuilder.DropTable(
                name: "EventCoReporters");

            migrationBuilder.DropTable(
                name: "GridBoundaries");

            migrationBuilder.DropTable(
                name: "PlaceCodes");

            migrationBuilder.DropTable(
                name: "Buildings");

            migrationBuilder.DropIndex(
                name: "IX_Events_BuildingId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_BuildingUnitId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Latitude_Longitude",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_MergedIntoId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "BuildingId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "BuildingUnitId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Events");

            migrationBuilder.AlterColumn<int>(
                name: "StreetId",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CommunityId",
                table: "Events",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
