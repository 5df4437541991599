using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Supervision;
using NetTopologySuite.Geometries;

namespace CivicGrid.Bench;

/// <summary>One planted event with every row that belongs to it besides its timeline, assignments and co-reporters (which it carries).</summary>
public sealed class PlantedEvent(Event e)
{
    public Event Event { get; } = e;
    public List<Evaluation> Evaluations { get; } = [];
    public List<Callback> Callbacks { get; } = [];
    public List<SupervisionOrder> Orders { get; } = [];
    public List<OverdueNotice> Notices { get; } = [];
    /// <summary>When the event's status changed, to give entries written beside the steps (supervision, merges) the status they saw.</summary>
    public List<(DateTime At, EventStatus Status)> History { get; } = [];
}

/// <summary>What the generator did, counted as it went, to compare with what the database then holds.</summary>
public sealed class YearTally
{
    public int Steps { get; set; }
    public int OverdueSteps { get; set; }
    public int Reopened { get; set; }
    public int Merged { get; set; }
}

/// <summary>
/// A realistic year of events, each living through the workflow's real paths
/// (<see cref="EventWorkflow"/>, <see cref="EventTransitions"/>): reported over every grid of the
/// district (some grids busier, fewer on rest days, fewer around the Spring Festival, more in
/// summer, by the hours each channel works), from patrols, residents, the 12345 hotline,
/// departments and leaders; about 30 % solved on the spot, most others accepted and closed by the
/// grid or community, the rest escalated to a centre, registered, dispatched, signed for, fed back
/// and verified, with returns, reassignments and rework; some voided or merged as duplicates. Each
/// step lasts a share of its allowed time drawn from a log-normal (median 30 %), so about one step
/// in eight runs over (and one in seventy is forgotten for days or weeks), and the overdue sweep's
/// entries and notices stand where it would have written them; some overdue events get
/// supervision orders, answered within the step or not at all. Closed resident
/// reports are rated (about 40 %), the callback sample (decision 0013) is called back, and an
/// unsatisfied resident gets a review that reopens the event or stands by it. Events reported
/// lately are still open at every step. The event rows end as the workflow would have left them.
/// Everything follows from the seed, the count and the plant clock.
/// </summary>
public sealed partial class EventYear
{
    /// <summary>Median share of a step's allowed time actually used, and the spread of its log: P(share &gt; 1) ≈ 12 %.</summary>
    private const double StepShareMedian = 0.3;
    private const double StepShareSigma = 1.03;
    private const double StuckShare = 0.015;
    private const string CallbackSeed = "civicgrid-callback-2026";
    private const double CallbackShare = 0.3;

    private static readonly (EventSource Source, double Share, double[] Hours)[] Channels =
    [
        (EventSource.GridPatrol, 0.55, Hours((8, 12, 3.0), (14, 18, 3.0), (18, 21, 0.6), (6, 8, 0.4))),
        (EventSource.Resident, 0.20, Hours((7, 12, 1.5), (12, 18, 1.2), (18, 23, 1.8), (0, 7, 0.15), (23, 24, 0.4))),
        (EventSource.Hotline, 0.12, Hours((8, 21, 1.0), (21, 24, 0.3), (0, 8, 0.1))),
        (EventSource.Department, 0.08, Hours((9, 12, 1.0), (14, 17, 1.0))),
        (EventSource.Leader, 0.05, Hours((9, 12, 1.0), (15, 18, 1.0))),
    ];

    /// <summary>January … December: a dip around the Spring Festival, a busier summer of rain, heat and night markets.</summary>
    private static readonly double[] MonthFactor = [0.95, 0.7, 1.0, 1.05, 1.1, 1.2, 1.25, 1.2, 1.1, 0.95, 1.0, 0.95];

    private readonly YearWorld _world;
    private readonly Random _random;
    private readonly DateTime _now;
    private readonly DateTime _start;
    private readonly double[] _gridCumulative;
    private readonly double[] _categoryCumulative;
    private readonly List<Resident> _residents;
    private long _nextId;

    public YearTally Tally { get; } = new();
    public IReadOnlyList<Resident> Residents => _residents;

    /// <param name="now">The plant clock: the year ends here, and what has not happened by then is still open.</param>
    /// <param name="firstId">The first free event id: rows are written with their ids, so merges can point at survivors.</param>
    public EventYear(YearWorld world, int seed, DateTime now, long firstId, int residents)
    {
        _world = world;
        _random = new Random(seed);
        _now = now;
        _start = now.AddDays(-365);
        _nextId = firstId;
        _gridCumulative = Cumulative(world.Grids.Select(g => g.Weight));
        // A few categories make most of the work (litter, parking, stalls): Zipf over a seeded order.
        var order = world.Categories.Select((_, i) => i).OrderBy(_ => _random.Next()).ToList();
        var categoryWeights = new double[world.Categories.Count];
        for (var rank = 0; rank < order.Count; rank++)
        {
            categoryWeights[order[rank]] = 1.0 / (rank + 1);
        }

        _categoryCumulative = Cumulative(categoryWeights);
        _residents = [.. Enumerable.Range(0, residents).Select(n => new Resident
        {
            Id = GuidOf(0x7e51, n),
            Phone = $"137{n:D8}",
            CreatedAt = _start,
            LastSignInAt = _start,
            HomeGridId = world.Grids[Pick(_gridCumulative)].Grid.Id,
        })];
    }

    /// <summary>The report instants and channels of <paramref name="count"/> events over the year, in order.</summary>
    public List<(DateTime At, EventSource Source)> Schedule(int count)
    {
        var days = Enumerable.Range(0, 366).Select(d => LocalTime.DayOf(_start).AddDays(d)).Where(d => LocalTime.StartOfDayUtc(d) < _now).ToList();
        var dayCumulative = Cumulative(days.Select(d => MonthFactor[d.Month - 1] * (_world.Calendar.IsWorkingDay(d) ? 1.0 : 0.7)));
        var channelCumulative = Cumulative(Channels.Select(c => c.Share));
        var hourCumulative = Channels.Select(c => Cumulative(c.Hours)).ToArray();
        var schedule = new List<(DateTime, EventSource)>(count);
        while (schedule.Count < count)
        {
            var day = days[Pick(dayCumulative)];
            var channel = Pick(channelCumulative);
            var at = LocalTime.StartOfDayUtc(day).AddHours(Pick(hourCumulative[channel])).AddSeconds(_random.Next(3600));
            if (at >= _start && at < _now)
            {
                schedule.Add((at, Channels[channel].Source));
            }
        }

        schedule.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return schedule;
    }

    /// <summary>Plants the event reported at <paramref name="at"/>; now and then a duplicate of it follows, reported soon after and merged into it.</summary>
    public IEnumerable<PlantedEvent> Plant(DateTime at, EventSource source, bool mayHaveDuplicate)
    {
        var grid = _world.Grids[Pick(_gridCumulative)];
        var category = _world.Categories[Pick(_categoryCumulative)];
        var planted = Report(at, source, grid, category.Id, category.DefaultUrgency);
        yield return planted;
        if (mayHaveDuplicate && _random.NextDouble() < 0.03 && Duplicate(planted, grid) is { } duplicate)
        {
            yield return duplicate;
        }
    }

    private PlantedEvent Report(DateTime at, EventSource source, YearGrid grid, int categoryId, Urgency defaultUrgency, PlantedEvent? duplicateOf = null)
    {
        var category = _world.Catalogue.Find(categoryId)!;
        var example = category.Examples.Count > 0 && _random.Next(3) > 0 ? category.Examples[_random.Next(category.Examples.Count)] : category.PlainName;
        var urgencyDraw = _random.NextDouble();
        var urgency = urgencyDraw < 0.85 ? defaultUrgency : urgencyDraw < 0.95 ? (Urgency)Math.Min(3, (int)defaultUrgency + 1) : Urgency.Normal;
        var (latitude, longitude) = PointIn(grid);
        var e = new Event
        {
            Id = _nextId++,
            Number = NextNumber(at.Year),
            Title = example.Length > 100 ? example[..100] : example,
            Description = $"{example}。{grid.Community.Name}{grid.Grid.Name}，{category.Name}。",
            CategoryId = categoryId,
            Urgency = urgency,
            Source = source,
            Latitude = latitude,
            Longitude = longitude,
            Address = $"{grid.Street.Name}{grid.Community.Name}{grid.Grid.Name}{_random.Next(1, 40)}号附近",
            StreetId = grid.Street.Id,
            CommunityId = grid.Community.Id,
            GridId = grid.Grid.Id,
            PlacePath = grid.Grid.Path,
            ReporterName = string.Empty,
            ReportedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
        e.IndexText();
        var planted = new PlantedEvent(e);
        var run = new Run(this, planted);

        YearActor? staff = source switch
        {
            EventSource.GridPatrol => _world.ActorOf(grid.Grid),
            EventSource.Hotline => _world.ActorOf(_world.CentreOf(grid.Street.Id)),
            EventSource.Department => _world.ActorOf(Any(_world.DepartmentsOf(grid.Street.Id))),
            EventSource.Leader => _world.Leader,
            _ => null,
        };
        if (staff is null)
        {
            var resident = _residents[_random.Next(_residents.Count)];
            e.ReporterId = resident.Id;
            e.ReporterName = resident.PublicName;
            e.ResidentId = resident.Id;
            e.ReporterPhone = resident.Phone;
        }
        else
        {
            e.ReporterId = staff.Id;
            e.ReporterName = staff.Name;
        }

        // 自行处置: a patrol that found and fixed it there and then.
        if (duplicateOf is null && source == EventSource.GridPatrol && _random.NextDouble() < 0.55)
        {
            e.Status = EventStatus.Closed;
            e.HandlerUnitId = grid.Grid.Id;
            e.ClosedAt = at;
            run.Add(Entry(EventAction.SolveOnSpot, null, EventStatus.Closed, staff!, at, null, e.Description));
            planted.History.Add((at, EventStatus.Closed));
            return planted;
        }

        // A resident's report goes to the grid worker who knows the place, staff reports to the community.
        var holder = staff is null ? grid.Grid : grid.Community;
        e.Status = EventStatus.Reported;
        e.HolderUnitId = holder.Id;
        run.StartStep(at);
        run.Add(staff is null
            ? TimelineEntry.ByResident(EventAction.Report, null, EventStatus.Reported, e.ReporterId, e.ReporterName, at, null, UnitInfo.Of(holder))
            : Entry(EventAction.Report, null, EventStatus.Reported, staff, at, holder, null));
        planted.History.Add((at, EventStatus.Reported));
        run.Live(round: 1, duplicateOf);
        run.Finish();
        return planted;
    }

    /// <summary>Someone else reports the same problem soon after; the community head folds it into the first while both are open.</summary>
    private PlantedEvent? Duplicate(PlantedEvent survivor, YearGrid grid)
    {
        var s = survivor.Event;
        var at = s.ReportedAt + LogNormal(TimeSpan.FromMinutes(40), 0.8);
        if (at >= _now)
        {
            return null;
        }

        var source = _random.NextDouble() < 0.7 ? EventSource.Resident : EventSource.GridPatrol;
        return Report(at, source, grid, s.CategoryId, s.Urgency, survivor);
    }

    private static EventStatus? StatusAt(PlantedEvent planted, DateTime at) =>
        planted.History.Where(h => h.At <= at).Select(h => (EventStatus?)h.Status).LastOrDefault();

    private string NextNumber(int year)
    {
        var next = _world.NumberCounters.GetValueOrDefault(year) + 1;
        _world.NumberCounters[year] = next;
        return EventNumbers.Format(year, next);
    }

    private (double Latitude, double Longitude) PointIn(YearGrid grid)
    {
        if (grid.Area is null || grid.Box is null)
        {
            return (24.51 + (_random.NextDouble() * 0.01), 117.70 + (_random.NextDouble() * 0.01));
        }

        var box = grid.Box;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var x = box.MinX + (_random.NextDouble() * box.Width);
            var y = box.MinY + (_random.NextDouble() * box.Height);
            if (grid.Area.Contains(new Point(x, y)))
            {
                return (y, x);
            }
        }

        var inside = grid.Area.Geometry.InteriorPoint;
        return (inside.Y, inside.X);
    }

    internal static TimelineEntry Entry(EventAction action, EventStatus? from, EventStatus to, YearActor actor, DateTime at, OrgUnit? target, string? note) => new()
    {
        Action = action,
        FromStatus = from,
        ToStatus = to,
        ActorId = actor.Id,
        ActorName = actor.Name,
        ActorUnitId = actor.Unit.Id,
        ActorUnitName = actor.Unit.Name,
        TargetUnitId = target?.Id,
        TargetUnitName = target?.Name,
        Note = note,
        At = at,
    };

    private T Any<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private int Pick(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Math.Min(cumulative.Length - 1, index < 0 ? ~index : index);
    }

    private TimeSpan LogNormal(TimeSpan median, double sigma) => median * Math.Exp(sigma * YearWorld.Gaussian(_random));

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return [.. weights.Select(w => sum += w)];
    }

    private static double[] Hours(params (int From, int To, double Weight)[] spans)
    {
        var hours = new double[24];
        foreach (var (from, to, weight) in spans)
        {
            for (var h = from; h < to; h++)
            {
                hours[h] += weight;
            }
        }

        return hours;
    }

    private static Guid GuidOf(int kind, int n) => new(n, (short)kind, 0x2026, [0, 0, 0, 0, 0, 0, 0, 2]);
}
