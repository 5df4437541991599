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
            // An expression index, so the vector is not stored a second time in every row. New
            // entries wait in a pending list that every search reads whole; 256 kB instead of the
            // default 4 MB keeps that read short while inserts still batch their index work.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Events_SearchTerms" ON "Events" USING GIN ((array_to_tsvector(string_to_array("SearchTerms", ' '))))
                    WITH (gin_pending_list_limit = 256);
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
            migrationBuilder.Sql("""DROP INDEX "IX_Events_SearchTerms";""");

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
