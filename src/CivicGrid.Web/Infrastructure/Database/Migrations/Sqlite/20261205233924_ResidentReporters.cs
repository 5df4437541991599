using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResidentReporters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReporterPhone",
                table: "Events",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResidentId",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewRequestedAt",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_ResidentId",
                table: "Events",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_ReviewRequested",
                table: "Events",
                column: "ReviewRequestedAt",
                filter: "\"ReviewRequestedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_ResidentId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_ReviewRequested",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ReporterPhone",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ResidentId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "ReviewRequestedAt",
                table: "Events");
        }
    }
}
