using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// 一表通: computes a template for a place of the caller's reach on a day, from the live registry.
/// A place is the caller's when every grid under it is in their reach; any other is 404.
/// </summary>
public sealed class ReportBuilder(CivicGridDb db, RegistryScope scope, ReferenceSnapshot<OrganisationTree> organisation, TimeProvider clock, IStringLocalizer<Text> text)
{
    private static readonly OrgUnitKind[] Places = [OrgUnitKind.District, OrgUnitKind.Street, OrgUnitKind.Community, OrgUnitKind.Grid];

    public async Task<IReadOnlyList<ReportTemplateView>> TemplatesAsync(bool includeRetired, CancellationToken ct)
    {
        var templates = await db.ReportTemplates.AsNoTracking()
            .Where(t => includeRetired || t.IsActive)
            .OrderByDescending(t => t.IsStandard).ThenBy(t => t.Id)
            .ToListAsync(ct);
        return templates.Select(View).ToList();
    }

    public static ReportTemplateView View(ReportTemplate t) => new(t.Id, t.Name, t.Description, t.IsStandard, t.IsActive, ReportDefinition.FromJson(t.Definition));

    /// <summary>The places the caller may report on, widest first, for the page's picker.</summary>
    public async Task<IReadOnlyList<UnitInfo>> PlacesAsync(Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        var tree = await organisation.GetAsync(ct);
        return tree.Units
            .Where(u => u.IsActive && Places.Contains(u.Kind) && Covered(tree, u, reach) is { Count: > 0 })
            .OrderBy(u => u.Kind).ThenBy(u => u.Path, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ReportTable> BuildAsync(int templateId, int? unitId, DateOnly? date, Caller caller, CancellationToken ct)
    {
        var template = await db.ReportTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == templateId && t.IsActive, ct)
            ?? throw DomainException.NotFound();
        var definition = ReportDefinition.FromJson(template.Definition);
        var reach = await scope.ReachAsync(caller, ct);
        var tree = await organisation.GetAsync(ct);
        var unit = tree.Find(unitId ?? DefaultUnit(caller));
        var gridIds = unit is not null && Places.Contains(unit.Kind) ? Covered(tree, unit, reach) : [];
        if (unit is null || gridIds.Count == 0)
        {
            throw DomainException.NotFound();
        }

        var today = LocalTime.Today(clock);
        var day = date ?? today;
        if (day > today)
        {
            throw DomainException.BadRequest("Registry.Reports.DateInFuture");
        }

        var query = new ReportQuery(db, gridIds, day);
        var rows = await RowsAsync(definition.Rows, tree, gridIds, ct);
        var columns = definition.Columns ?? [];
        var values = new int[rows.Count, columns.Count];
        var totals = new int[columns.Count];
        var extra = new Dictionary<int, int[]>();
        var counted = await query.CountAsync(definition.Rows, columns, definition.Filter, ct);
        for (var c = 0; c < columns.Count; c++)
        {
            var (byRow, total) = counted[c];
            totals[c] = total;
            foreach (var (key, count) in byRow)
            {
                var r = rows.FindIndex(row => row.Key == key);
                if (r >= 0)
                {
                    values[r, c] = count;
                }
                else
                {
                    // A retired unit or tag that still has people: shown, so nothing is silently dropped.
                    if (!extra.TryGetValue(key, out var row))
                    {
                        extra[key] = row = new int[columns.Count];
                    }

                    row[c] = count;
                }
            }
        }

        var tableRows = rows.Select((row, r) => new ReportTableRow(row.Label, Enumerable.Range(0, columns.Count).Select(c => values[r, c]).ToList())).ToList();
        foreach (var (key, counts) in extra.OrderBy(e => e.Key))
        {
            tableRows.Add(new ReportTableRow(await LabelAsync(definition.Rows, key, tree, ct), counts));
        }

        var notes = new List<string> { text["Registry.Reports.Note.AsOf", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)] };
        if (definition.Rows != ReportRows.None)
        {
            notes.Add(text["Registry.Reports.Note.Distinct"]);
        }

        if (definition.Rows == ReportRows.CareTag || definition.Filter?.CareTagIds is not null || columns.Any(c => c.Filter?.CareTagIds is not null))
        {
            notes.Add(text["Registry.Reports.Note.Tags"]);
        }

        if (columns.Any(c => c.Count == ReportCount.Rooms))
        {
            notes.Add(text["Registry.Reports.Note.RoomUse"]);
        }

        var tags = await db.CareTags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return new ReportTable(
            template.Id,
            template.Name,
            unit.Id,
            unit.Name,
            day,
            text[$"Registry.Reports.Rows.{definition.Rows}"],
            columns.Select(c => new ReportTableColumn(c.Header ?? "", Describe(c, definition.Filter, tags))).ToList(),
            tableRows,
            new ReportTableRow(text["Registry.Reports.Total"], totals),
            notes);
    }

    /// <summary>The caller's own place: their grid, community, or the street or district their centre looks after.</summary>
    private static int? DefaultUnit(Caller caller)
    {
        if (caller.PlaceScopePath is not { } path)
        {
            return null;
        }

        var last = path.TrimEnd('/');
        return int.Parse(last.AsSpan(last.LastIndexOf('/') + 1), provider: System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The grids under the unit, if all of them are in the reach; none otherwise.</summary>
    private static List<int> Covered(OrganisationTree tree, UnitInfo unit, RegistryReach reach)
    {
        var grids = tree.Units.Where(u => u.Kind == OrgUnitKind.Grid && u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
        return grids.Count > 0 && grids.All(reach.Covers) ? grids : [];
    }

    private sealed record RowKey(int Key, string Label);

    /// <summary>Every value of the dimension in the unit, so a community or grid without anyone still shows its zeros.</summary>
    private async Task<List<RowKey>> RowsAsync(ReportRows rows, OrganisationTree tree, IReadOnlyList<int> gridIds, CancellationToken ct)
    {
        var grids = gridIds.Select(id => tree.Find(id)!).Where(g => g.IsActive).OrderBy(g => g.ParentId).ThenBy(g => g.Id).ToList();
        // Grids are named 第1网格 in every community: across communities a grid is named with its community.
        var manyCommunities = grids.Select(g => g.ParentId).Distinct().Count() > 1;
        string GridName(int id) => manyCommunities ? $"{tree.NameOf(tree.Find(id)?.ParentId)}{tree.NameOf(id)}" : tree.NameOf(id) ?? "";
        switch (rows)
        {
            case ReportRows.None:
                return [];
            case ReportRows.Grid:
                return grids.Select(g => new RowKey(g.Id, GridName(g.Id))).ToList();
            case ReportRows.Community:
                return grids.Select(g => g.ParentId).Distinct().Select(tree.Find).OfType<UnitInfo>().Where(c => c.IsActive).OrderBy(c => c.Id)
                    .Select(c => new RowKey(c.Id, c.Name)).ToList();
            case ReportRows.Building:
                var buildings = await db.Buildings.AsNoTracking().Where(b => gridIds.Contains(b.GridId) && b.IsActive)
                    .Select(b => new { b.Id, b.Name, b.GridId }).ToListAsync(ct);
                return buildings.OrderBy(b => b.GridId).ThenBy(b => b.Name.Length).ThenBy(b => b.Name, StringComparer.Ordinal)
                    .Select(b => new RowKey(b.Id, gridIds.Count > 1 ? $"{GridName(b.GridId)} {b.Name}" : b.Name)).ToList();
            case ReportRows.ResidenceType:
                return Enum.GetValues<ResidenceType>().Select(v => new RowKey((int)v, text[$"Registry.Reports.ResidenceType.{v}"])).ToList();
            case ReportRows.Sex:
                return Enum.GetValues<Sex>().Select(v => new RowKey((int)v, text[$"Sex.{v}"])).ToList();
            case ReportRows.RoomUse:
                return Enum.GetValues<RoomUse>().Select(v => new RowKey((int)v, text[$"Registry.Reports.RoomUse.{v}"])).ToList();
            case ReportRows.AgeBand:
                return ReportQuery.AgeBands.Select((_, i) => new RowKey(i, AgeBandLabel(i))).ToList();
            case ReportRows.CareTag:
                return await db.CareTags.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Order).ThenBy(t => t.Id)
                    .Select(t => new RowKey(t.Id, t.Name)).ToListAsync(ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(rows));
        }
    }

    private async Task<string> LabelAsync(ReportRows rows, int key, OrganisationTree tree, CancellationToken ct) => rows switch
    {
        ReportRows.Community or ReportRows.Grid => tree.NameOf(key) ?? key.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ReportRows.Building => await db.Buildings.Where(b => b.Id == key).Select(b => b.Name).SingleAsync(ct),
        ReportRows.CareTag => await db.CareTags.Where(t => t.Id == key).Select(t => t.Name).SingleAsync(ct),
        _ => key.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private string AgeBandLabel(int band) =>
        band == ReportQuery.AgeBands.Count - 1
            ? text["Registry.Reports.AgeBand.AndOver", ReportQuery.AgeBands[band]]
            : text["Registry.Reports.AgeBand.Range", ReportQuery.AgeBands[band], ReportQuery.AgeBands[band + 1] - 1];

    /// <summary>A column's footnote: what it counts and every condition, the template's and its own.</summary>
    public string Describe(ReportColumn column, ReportFilter? templateFilter, IReadOnlyDictionary<int, string> tags)
    {
        var parts = new List<string> { text[$"Registry.Reports.Count.{column.Count}"] };
        foreach (var filter in new[] { templateFilter, column.Filter }.OfType<ReportFilter>())
        {
            if (filter.ResidenceTypes is { Count: > 0 } types)
            {
                parts.Add(text["Registry.Reports.Filter.Types", string.Join("、", types.Select(t => text[$"Registry.Reports.ResidenceType.{t}"]))]);
            }

            if (filter.Sex is { } sex)
            {
                parts.Add(text["Registry.Reports.Filter.Sex", text[$"Sex.{sex}"]]);
            }

            if (filter.MinAge is { } min)
            {
                parts.Add(text["Registry.Reports.Filter.MinAge", min]);
            }

            if (filter.MaxAge is { } max)
            {
                parts.Add(text["Registry.Reports.Filter.MaxAge", max]);
            }

            if (filter.CareTagIds is { Count: > 0 } ids)
            {
                parts.Add(text["Registry.Reports.Filter.Tags", string.Join("、", ids.Select(id => tags.GetValueOrDefault(id, "#" + id)))]);
            }

            if (filter.RoomUses is { Count: > 0 } uses)
            {
                parts.Add(text["Registry.Reports.Filter.RoomUses", string.Join("、", uses.Select(u => text[$"Registry.Reports.RoomUse.{u}"]))]);
            }
        }

        return string.Join("；", parts);
    }
}
