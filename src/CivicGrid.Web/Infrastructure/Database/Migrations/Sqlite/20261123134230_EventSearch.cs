using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Full-text index over the terms (Events/Search/SearchTerms.cs cuts them): an FTS5
            // table reading its content from Events, kept in step by triggers. A later migration
            // that makes EF rebuild the Events table drops the triggers and must create them again.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "EventSearch" USING fts5("SearchTerms", content='Events', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                CREATE TRIGGER "Events_SearchInsert" AFTER INSERT ON "Events" BEGIN
                    INSERT INTO "EventSearch"(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
                END;
                CREATE TRIGGER "Events_SearchDelete" AFTER DELETE ON "Events" BEGIN
                    INSERT INTO "EventSearch"("EventSearch", rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
                END;
                CREATE TRIGGER "Events_SearchUpdate" AFTER UPDATE OF "SearchTerms" ON "Events" BEGIN
                    INSERT INTO "EventSearch"("EventSearch", rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
                    INSERT INTO "EventSearch"(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
                END;
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
            migrationBuilder.Sql("""
                DROP TRIGGER "Events_SearchUpdate";
                DROP TRIGGER "Events_SearchDelete";
                DROP TRIGGER "Events_SearchInsert";
                DROP TABLE "EventSearch";
                """);

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
