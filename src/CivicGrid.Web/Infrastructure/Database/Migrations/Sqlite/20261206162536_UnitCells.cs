using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LatitudeSquare",
                table: "EventOutcomes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LongitudeSquare",
                table: "EventOutcomes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Rows kept before the heat squares take them from their event's position, as the projection does.
            migrationBuilder.Sql("""
                UPDATE "EventOutcomes" AS o SET
                    "LatitudeSquare" = CAST(ROUND(e."Latitude" * 1000) AS INTEGER),
                    "LongitudeSquare" = CAST(ROUND(e."Longitude" * 1000) AS INTEGER)
                FROM "Events" AS e
                WHERE e."Id" = o."EventId"
                """);

            migrationBuilder.CreateTable(
                name: "UnitCells",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cohort = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    PlaceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    SolvedOnSpot = table.Column<int>(type: "INTEGER", nullable: false),
                    Dispatched = table.Column<int>(type: "INTEGER", nullable: false),
                    Returned = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedVerification = table.Column<int>(type: "INTEGER", nullable: false),
                    Reworked = table.Column<int>(type: "INTEGER", nullable: false),
                    Rated = table.Column<int>(type: "INTEGER", nullable: false),
                    RatedSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CallbacksReached = table.Column<int>(type: "INTEGER", nullable: false),
                    CallbacksSatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Supervised = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionLate = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedInPeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionAnsweredOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionAnsweredLate = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionUnanswered = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisionConcluded = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitCells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitSquares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<int>(type: "INTEGER", nullable: false),
                    Longitude = table.Column<int>(type: "INTEGER", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSquares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Bucket = table.Column<int>(type: "INTEGER", nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSteps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitCells_UnitId_Cohort_Month",
                table: "UnitCells",
                columns: new[] { "UnitId", "Cohort", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitSquares_UnitId_Month",
                table: "UnitSquares",
                columns: new[] { "UnitId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitSteps_UnitId_Month",
                table: "UnitSteps",
                columns: new[] { "UnitId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitCells");

            migrationBuilder.DropTable(
                name: "UnitSquares");

            migrationBuilder.DropTable(
                name: "UnitSteps");

            migrationBuilder.DropColumn(
                name: "LatitudeSquare",
                table: "EventOutcomes");

            migrationBuilder.DropColumn(
                name: "LongitudeSquare",
                table: "EventOutcomes");
        }
    }
}
