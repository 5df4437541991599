using CivicGrid.Web.Calendar;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CivicGrid.Bench;

/// <summary>Who acts for a unit in the planted year: its demo account when it has one, else a stand-in on duty.</summary>
public sealed record YearActor(Guid Id, string Name, OrgUnit Unit);

/// <summary>A grid of the district as the year sees it: how busy it is, and where in it an incident can stand.</summary>
public sealed record YearGrid(OrgUnit Grid, OrgUnit Community, OrgUnit Street, IPreparedGeometry? Area, Envelope? Box, double Weight);

/// <summary>
/// What the planted year is built from, read once from the database the platform seeded: the demo
/// district's units and accounts, its grids and their areas, the category tree with its deadline
/// table, and the working calendar, so that step deadlines are those <see cref="Deadlines"/> sets.
/// </summary>
public sealed class YearWorld
{
    private readonly Dictionary<int, YearActor> _actors = [];

    public required List<YearGrid> Grids { get; init; }
    public required Dictionary<int, OrgUnit> Units { get; init; }
    public required OrganisationTree Tree { get; init; }
    /// <summary>Active minor categories, the ones an event may carry.</summary>
    public required List<CategoryView> Categories { get; init; }
    public required CategoryCatalogue Catalogue { get; init; }
    public required WorkingCalendar Calendar { get; init; }
    public required YearActor Leader { get; init; }
    public required Dictionary<int, int> NumberCounters { get; init; }

    public OrgUnit CentreOf(int placeId) => Units.Values.Single(u => u.ParentId == placeId && u.Kind == OrgUnitKind.GovernanceCentre && u.IsActive);

    public List<OrgUnit> DepartmentsOf(int placeId) => [.. Units.Values.Where(u => u.ParentId == placeId && u.Kind == OrgUnitKind.Department && u.IsActive).OrderBy(u => u.Id)];

    public YearActor ActorOf(OrgUnit unit) => _actors.TryGetValue(unit.Id, out var actor)
        ? actor
        : _actors[unit.Id] = new YearActor(new Guid(unit.Id, 0x2026, 0x1206, [0, 0, 0, 0, 0, 0, 0, 1]), $"{unit.Name}值班员", unit);

    /// <summary>The step's deadline and warning point as <see cref="Deadlines.DueAsync"/> computes them.</summary>
    public StepDue? Due(int categoryId, Urgency urgency, EventStep step, DateTime fromUtc)
    {
        if (step == EventStep.None)
        {
            return null;
        }

        var allowed = TimeSpan.FromMinutes(Catalogue.MinutesFor(categoryId, step, urgency) ?? Deadlines.Fallback(step, urgency));
        var warnAfter = allowed * Deadlines.WarnShare;
        return Catalogue.Find(categoryId) is { WorkingTime: true }
            ? new StepDue(Calendar.AddWorkingTime(fromUtc, warnAfter), Calendar.AddWorkingTime(fromUtc, allowed))
            : new StepDue(fromUtc + warnAfter, fromUtc + allowed);
    }

    /// <summary>The instant <paramref name="share"/> of the step's allowed time after its start, counted as its deadline counts.</summary>
    public DateTime After(int categoryId, Urgency urgency, EventStep step, DateTime fromUtc, double share)
    {
        var allowed = TimeSpan.FromMinutes((Catalogue.MinutesFor(categoryId, step, urgency) ?? Deadlines.Fallback(step, urgency)) * share);
        return Catalogue.Find(categoryId) is { WorkingTime: true } ? Calendar.AddWorkingTime(fromUtc, allowed) : fromUtc + allowed;
    }

    public static async Task<YearWorld> LoadAsync(CivicGridDb db, int seed)
    {
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id);
        var areas = await db.GridBoundaries.AsNoTracking().ToDictionaryAsync(b => b.GridId, b => b.Area);
        var categories = await db.Categories.AsNoTracking().ToListAsync();
        var deadlines = await db.CategoryDeadlines.AsNoTracking().ToListAsync();
        var catalogue = new CategoryCatalogue(categories.Select(CategoryCatalogue.View), deadlines);
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync());
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.UserName).ToListAsync();
        var counters = await db.EventNumberCounters.AsNoTracking().ToDictionaryAsync(c => c.Year, c => c.Next);

        // Some grids are busier than others (a market, a school gate, an old estate): a heavy-tailed
        // weight per grid, the same for the same seed.
        var weights = new Random(seed ^ 0x5eed);
        var grids = units.Values.Where(u => u.Kind == OrgUnitKind.Grid && u.IsActive).OrderBy(u => u.Id).Select(g =>
        {
            var community = units[g.ParentId!.Value];
            var area = areas.GetValueOrDefault(g.Id);
            return new YearGrid(g, community, units[community.ParentId!.Value],
                area is null ? null : PreparedGeometryFactory.Prepare(area), area?.EnvelopeInternal, Math.Exp(Gaussian(weights) * 0.7));
        }).ToList();

        var leader = staff.First(u => u.Role == StaffRole.Leader);
        var world = new YearWorld
        {
            Grids = grids,
            Units = units,
            Tree = new OrganisationTree(units.Values.Select(UnitInfo.Of)),
            Categories = [.. catalogue.Active.Where(c => catalogue.FindForEvent(c.Id) is not null).OrderBy(c => c.Id)],
            Catalogue = catalogue,
            Calendar = calendar,
            Leader = new YearActor(leader.Id, leader.DisplayName, units[leader.UnitId]),
            NumberCounters = counters,
        };
        foreach (var account in staff.Where(u => u.Role != StaffRole.Administrator && u.Role != StaffRole.Leader))
        {
            world._actors.TryAdd(account.UnitId, new YearActor(account.Id, account.DisplayName, units[account.UnitId]));
        }

        return world;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
