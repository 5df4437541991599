using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Web.Infrastructure.Database.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LongitudeSquare",
                table: "EventOutcomes",
                type: "integer",
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Cohort = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    PlaceId = table.Column<int>(type: "integer", nullable: true),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    SolvedOnSpot = table.Column<int>(type: "integer", nullable: false),
                    Dispatched = table.Column<int>(type: "integer", nullable: false),
                    Returned = table.Column<int>(type: "integer", nullable: false),
                    ReachedVerification = table.Column<int>(type: "integer", nullable: false),
                    Reworked = table.Column<int>(type: "integer", nullable: false),
                    Rated = table.Column<int>(type: "integer", nullable: false),
                    RatedSatisfied = table.Column<int>(type: "integer", nullable: false),
                    CallbacksReached = table.Column<int>(type: "integer", nullable: false),
                    CallbacksSatisfied = table.Column<int>(type: "integer", nullable: false),
                    Supervised = table.Column<int>(type: "integer", nullable: false),
                    SupervisionLate = table.Column<int>(type: "integer", nullable: false),
                    ClosedInPeriod = table.Column<int>(type: "integer", nullable: false),
                    SupervisionOrders = table.Column<int>(type: "integer", nullable: false),
                    SupervisionAnsweredOnTime = table.Column<int>(type: "integer", nullable: false),
                    SupervisionAnsweredLate = table.Column<int>(type: "integer", nullable: false),
                    SupervisionUnanswered = table.Column<int>(type: "integer", nullable: false),
                    SupervisionConcluded = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitCells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitSquares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<int>(type: "integer", nullable: false),
                    Longitude = table.Column<int>(type: "integer", nullable: false),
                    Events = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSquares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Bucket = table.Column<int>(type: "integer", nullable: false),
                    Events = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false)
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
