using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
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
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "CommunityId",
                table: "Events",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "BuildingId",
                table: "Events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BuildingUnitId",
                table: "Events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MergedIntoId",
                table: "Events",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Buildings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GridId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
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
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    GridId = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<byte[]>(type: "bytea", nullable: false),
                    MinLatitude = table.Column<double>(type: "double precision", nullable: false),
                    MinLongitude = table.Column<double>(type: "double precision", nullable: false),
                    MaxLatitude = table.Column<double>(type: "double precision", nullable: false),
                    MaxLongitude = table.Column<double>(type: "double precision", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Token = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceCodes", x => x.Token);
                });

            migrationBuilder.CreateTable(
                name: "BuildingUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BuildingId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_GridBoundaries_MinLatitude_MaxLatitude_MinLongitude_MaxLong~",
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
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "CommunityId",
                table: "Events",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
