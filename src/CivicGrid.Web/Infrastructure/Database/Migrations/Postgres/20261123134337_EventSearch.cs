using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_HolderUnitId_Status_StepDeadline",
                table: "Events");

            migrationBuilder.AddColumn<string>(
                name: "SearchTerms",
                table: "Events",
                type: "text",
                nullable: false,
                defaultValue: "");

            // Full-text index over the terms (Events/Search/SearchTerms.cs cuts them): taken as
            // lexemes as they are, without PostgreSQL's parser, which does not segment Chinese.
            migrationBuilder.Sql("""
                ALTER TABLE "Events" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (array_to_tsvector(string_to_array("SearchTerms", ' '))) STORED;
                CREATE INDEX "IX_Events_SearchVector" ON "Events" USING GIN ("SearchVector");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Events_HolderUnitId_StepDeadline_Urgency_Id",
                table: "Events",
                columns: new[] { "HolderUnitId", "StepDeadline", "Urgency", "Id" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Events" DROP COLUMN "SearchVector";""");

            migrationBuilder.DropIndex(
                name: "IX_Events_HolderUnitId_StepDeadline_Urgency_Id",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "SearchTerms",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_HolderUnitId_Status_StepDeadline",
                table: "Events",
                columns: new[] { "HolderUnitId", "Status", "StepDeadline" });
        }
    }
}
