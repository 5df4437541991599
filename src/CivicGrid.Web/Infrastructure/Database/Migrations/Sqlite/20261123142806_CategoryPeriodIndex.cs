using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CategoryPeriodIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_CategoryId",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CategoryId_ReportedAt",
                table: "Events",
                columns: new[] { "CategoryId", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_CategoryId_ReportedAt",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CategoryId",
                table: "Events",
                column: "CategoryId");
        }
    }
}
