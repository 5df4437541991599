using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Bench;

/// <summary>Where planted events stand, in WGS-84 degrees; <see cref="NumberYear"/> keeps their numbers apart from other plantings.</summary>
public sealed record EventArea(double South, double West, double North, double East, int NumberYear)
{
    /// <summary>About 1 km square in the west of the demo district, where the benchmarks first planted everything.</summary>
    public static EventArea Default { get; } = new(24.50, 117.70, 24.51, 117.71, 1900);
}

/// <summary>
/// Fills the database with a realistic spread of events: across every grid of the district,
/// in every status, held by grids, communities, centres and departments, reported over a year.
/// Rows are written directly (not through the API) so a million can be planted in minutes.
/// </summary>
public static class EventGenerator
{
    public static async Task FillAsync(Func<CivicGridDb> newDb, int count, int seed = 20261123, EventArea? area = null)
    {
        var where = area ?? EventArea.Default;
        var random = new Random(seed);
        List<OrgUnit> units;
        List<int> categories;
        Guid reporter;
        await using (var db = newDb())
        {
            units = await db.OrgUnits.AsNoTracking().ToListAsync();
            categories = await db.Categories.Select(c => c.Id).ToListAsync();
            reporter = await db.Users.Select(u => u.Id).FirstAsync();
        }

        var grids = units.Where(u => u.Kind == OrgUnitKind.Grid).ToList();
        var byId = units.ToDictionary(u => u.Id);
        var centres = units.Where(u => u.Kind == OrgUnitKind.GovernanceCentre).ToDictionary(u => u.ParentId!.Value);
        var departments = units.Where(u => u.Kind == OrgUnitKind.Department).GroupBy(u => u.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var start = DateTime.UtcNow.AddYears(-1);
        const int Batch = 5000;

        for (var done = 0; done < count; done += Batch)
        {
            await using var db = newDb();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var grid = grids[random.Next(grids.Count)];
                var community = byId[grid.ParentId!.Value];
                var street = community.ParentId!.Value;
                var status = (EventStatus)random.Next(1, 9);
                var holder = status switch
                {
                    EventStatus.Reported => random.Next(3) == 0 ? grid.Id : community.Id,
                    EventStatus.Registered => centres[street].Id,
                    EventStatus.Dispatched or EventStatus.Handling => departments[street][random.Next(departments[street].Count)].Id,
                    EventStatus.AwaitingVerification => grid.Id,
                    _ => (int?)null,
                };
                var reportedAt = start.AddMinutes(random.Next(365 * 24 * 60));
                var planted = new Event
                {
                    Number = EventNumbers.Format(where.NumberYear + (i / 999_999), (i % 999_999) + 1),
                    Title = $"事件 {i}",
                    Description = "生成的基准测试事件",
                    CategoryId = categories[random.Next(categories.Count)],
                    Urgency = (Urgency)random.Next(1, 4),
                    Source = EventSource.GridPatrol,
                    Latitude = where.South + (random.NextDouble() * (where.North - where.South)),
                    Longitude = where.West + (random.NextDouble() * (where.East - where.West)),
                    Address = "龙文区",
                    StreetId = street,
                    CommunityId = community.Id,
                    GridId = grid.Id,
                    PlacePath = grid.Path,
                    ReporterId = reporter,
                    ReporterName = "基准",
                    Status = status,
                    HolderUnitId = holder,
                    HandlerUnitId = holder,
                    StepDeadline = holder is null ? null : reportedAt.AddHours(random.Next(1, 240)),
                    ReportedAt = reportedAt,
                    UpdatedAt = reportedAt,
                    ClosedAt = holder is null ? reportedAt.AddDays(2) : null,
                    Version = 1,
                };
                planted.StepWarnAt = reportedAt + ((planted.StepDeadline - reportedAt) * Deadlines.WarnShare);
                planted.IndexText();
                db.Events.Add(planted);
            }

            await db.SaveChangesAsync();
        }
    }
}
