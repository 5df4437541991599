using System.Collections.Concurrent;
using System.Globalization;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.Transparency;

public sealed record PublicStreet(int Id, string Name);

/// <summary>
/// What a street's figures say publicly for the 30 days from <see cref="From"/> to <see cref="To"/>
/// (China time, both included). Each figure is defined in docs/transparency.md; shares are
/// between 0 and 1, null when nothing was there to divide by.
/// </summary>
public sealed record StreetFigures(
    int StreetId,
    string StreetName,
    DateOnly From,
    DateOnly To,
    int Received,
    int ReceivedFromResidents,
    int SetAside,
    int Closed,
    int ClosedOnTime,
    double? OnTimeShare,
    int Ratings,
    int Satisfied,
    int BasicallySatisfied,
    int Unsatisfied,
    double? SatisfiedShare,
    IReadOnlyList<CategoryFigure> TopCategories,
    DateTime CountedAt);

/// <summary>Reports received in one category, named in the reader's language.</summary>
public sealed record CategoryFigure(int CategoryId, string Category, int Received);

/// <summary>
/// The public figures of a street (公开透明): how many reports came in, how many were closed and on
/// time, and how satisfied people were. Counts of events only; no person or unit is named or ranked.
/// </summary>
public sealed class StreetTransparency(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    ReferenceSnapshot<CategoryCatalogue> categories,
    TransparencyCache cache,
    IOptions<TransparencyOptions> options,
    TimeProvider clock)
{
    public const int Days = 30;

    public async Task<List<PublicStreet>> StreetsAsync(CancellationToken ct) =>
        (await organisation.GetAsync(ct)).Units
            .Where(u => u.Kind == OrgUnitKind.Street && u.IsActive)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new PublicStreet(u.Id, u.Name))
            .ToList();

    /// <summary>The figures in the current UI language; 404 for anything that is not an active street.</summary>
    public async Task<StreetFigures> ForStreetAsync(int streetId, CancellationToken ct)
    {
        var street = (await organisation.GetAsync(ct)).Find(streetId);
        if (street is not { Kind: OrgUnitKind.Street, IsActive: true })
        {
            throw DomainException.NotFound("Transparency.NoSuchStreet");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var counted = cache.Find(streetId, now - options.Value.CacheFor) ?? cache.Keep(streetId, await CountAsync(street, now, ct));
        var catalogue = await categories.GetAsync(ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return counted with
        {
            TopCategories = counted.TopCategories
                .Select(c => c with { Category = catalogue.Find(c.CategoryId) is { } found ? (english ? found.NameEn : found.PlainName) : "—" })
                .ToList(),
        };
    }

    private async Task<StreetFigures> CountAsync(UnitInfo street, DateTime now, CancellationToken ct)
    {
        var to = LocalTime.DayOf(now);
        var from = to.AddDays(-(Days - 1));
        var start = LocalTime.StartOfDayUtc(from);
        var events = db.Events.AsNoTracking().Where(e => e.StreetId == street.Id);

        var reported = events.Where(e => e.ReportedAt >= start && e.ReportedAt <= now);
        var received = reported.Where(e => e.Status != EventStatus.Voided && e.Status != EventStatus.Merged);
        var receivedCount = await received.CountAsync(ct);
        var fromResidents = await received.CountAsync(e => e.Source == EventSource.Resident, ct);
        var setAside = await reported.CountAsync(e => e.Status == EventStatus.Voided || e.Status == EventStatus.Merged, ct);
        var top = await received.GroupBy(e => e.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.CategoryId)
            .Take(options.Value.TopCategories)
            .ToListAsync(ct);

        var closed = events.Where(e => (e.Status == EventStatus.Closed || e.Status == EventStatus.Evaluated) && e.ClosedAt >= start && e.ClosedAt <= now);
        var closedCount = await closed.CountAsync(ct);
        // The overdue sweep writes an Overdue entry each time a step's deadline passes unfinished.
        var onTime = await closed.CountAsync(e => !e.Timeline.Any(t => t.Action == EventAction.Overdue), ct);
        // Counted from the kept evaluations, not Event.Satisfaction: a 不满意 that led to a reopen stays counted.
        var ratings = await db.Evaluations.AsNoTracking()
            .Where(v => v.IsRoundRating && v.At >= start && v.At <= now && v.Event!.StreetId == street.Id)
            .GroupBy(v => v.Satisfaction)
            .Select(g => new { Satisfaction = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Satisfaction, g => g.Count, ct);
        var satisfied = ratings.GetValueOrDefault(Satisfaction.Satisfied);
        var basically = ratings.GetValueOrDefault(Satisfaction.BasicallySatisfied);
        var unsatisfied = ratings.GetValueOrDefault(Satisfaction.Unsatisfied);
        var rated = satisfied + basically + unsatisfied;

        return new StreetFigures(
            street.Id, street.Name, from, to,
            receivedCount, fromResidents, setAside,
            closedCount, onTime, Share(onTime, closedCount),
            rated, satisfied, basically, unsatisfied, Share(satisfied + basically, rated),
            top.Select(c => new CategoryFigure(c.CategoryId, string.Empty, c.Count)).ToList(),
            now);
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>
/// Figures counted lately, per street, in this instance. Timed by the platform's clock so that a
/// test moving it sees them expire; a street is a handful of numbers and streets are few.
/// </summary>
public sealed class TransparencyCache
{
    private readonly ConcurrentDictionary<int, StreetFigures> _figures = new();

    public StreetFigures? Find(int streetId, DateTime countedSince) =>
        _figures.TryGetValue(streetId, out var figures) && figures.CountedAt > countedSince ? figures : null;

    public StreetFigures Keep(int streetId, StreetFigures figures) => _figures[streetId] = figures;
}
