using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Web.Geography;

/// <summary>What importing a feature does to the grid of its code.</summary>
public enum GridImportAction
{
    /// <summary>No grid has the code: a new grid is created under the feature's community.</summary>
    Create = 1,

    /// <summary>The grid exists and its area or name changes.</summary>
    Update = 2,

    /// <summary>The grid exists with this very area and name.</summary>
    Unchanged = 3,
}

/// <summary>
/// One feature of the file as the import would treat it. <see cref="Action"/> is null when the
/// feature's code or community cannot be matched; <see cref="Severity"/> is its worst problem.
/// </summary>
public sealed record GridImportRow(
    int Index,
    string? Code,
    string? Name,
    string? CommunityCode,
    string? CommunityName,
    GridImportAction? Action,
    string? PreviousName,
    bool AreaChanged,
    ProblemSeverity? Severity);

/// <summary>
/// A grid file checked against the platform: its features, what importing each would do, and
/// every problem (the file's own and those only the platform can see: unknown or out-of-scope
/// communities, codes of other units, names already taken). Made only by <see cref="GridImport.CheckAsync"/>,
/// so an import always works from what the server itself read.
/// </summary>
public sealed class GridImportPlan
{
    internal GridImportPlan(GridFileReading reading, IReadOnlyList<GridImportRow> rows, IReadOnlyList<GridFileProblem> problems, IReadOnlyList<PlannedGrid> grids)
    {
        Features = reading.Features;
        Rows = rows;
        Problems = problems;
        Grids = grids;
    }

    public IReadOnlyList<GridFeature> Features { get; }

    public IReadOnlyList<GridImportRow> Rows { get; }

    public IReadOnlyList<GridFileProblem> Problems { get; }

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public bool HasWarnings => Problems.Any(p => p.Severity == ProblemSeverity.Warning);

    public int Count(GridImportAction action) => Rows.Count(r => r.Action == action);

    public int Count(ProblemSeverity severity) => Problems.Count(p => p.Severity == severity);

    /// <summary>Clean, or only warnings the administrator accepted.</summary>
    public bool MayImport(bool acceptWarnings) => !HasErrors && (acceptWarnings || !HasWarnings);

    internal IReadOnlyList<PlannedGrid> Grids { get; }
}

/// <summary>A feature matched to its community (and grid, unless new), ready to be written.</summary>
internal sealed record PlannedGrid(GridImportAction Action, int CommunityId, string CommunityPath, int? GridId, string Code, string Name, Geometry Area, bool NameChanged, bool AreaChanged);

/// <summary>
/// Grid files in and out of the platform for an administrator's own subtree. Import matches
/// features to grids by code; a feature whose code is unknown but whose community exists
/// becomes a new grid of that community. Nothing is written unless the whole file can be, and
/// then everything is written in one transaction.
/// </summary>
public sealed class GridImport(CivicGridDb db, TimeProvider clock)
{
    /// <summary>Reasons only the platform can give, beyond the file's own (<see cref="GridFileReasons"/>).</summary>
    public const string UnknownParent = "Grid.Import.UnknownParent";
    public const string ParentOutOfScope = "Grid.Import.ParentOutOfScope";
    public const string ParentInactive = "Grid.Import.ParentInactive";
    public const string CodeTaken = "Grid.Import.CodeTaken";
    public const string GridInactive = "Grid.Import.GridInactive";
    public const string NameTaken = "Grid.Import.NameTaken";
    public const string NameTooLong = "Grid.Import.NameTooLong";

    /// <summary>Room for a district's grids drawn in detail (a few thousand polygons of a few dozen points).</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    public static IReadOnlyList<string> Reasons { get; } = [UnknownParent, ParentOutOfScope, ParentInactive, CodeTaken, GridInactive, NameTaken, NameTooLong];

    /// <summary>Reads the file and checks it against the platform as the caller may change it. Writes nothing.</summary>
    public async Task<GridImportPlan> CheckAsync(byte[] file, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var scope = Administrators.ScopeOf(caller);
        var units = await UnitsAsync(ct);
        var byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var byId = units.ToDictionary(u => u.Id);
        var stored = await StoredAreasAsync(scope, ct);
        var storedFeatures = stored.Select(s => Feature(byId[s.Key], byId, s.Value)).ToList();

        GridFileReading reading;
        using (var content = new MemoryStream(file, writable: false))
        {
            reading = GridFile.Read(content, storedFeatures);
        }

        var problems = reading.Problems.ToList();
        var planned = new Dictionary<int, PlannedGrid>();
        var rows = new List<GridImportRow>();
        var unusable = problems.Where(p => p.Severity == ProblemSeverity.Error && p.FeatureIndex is not null).Select(p => p.FeatureIndex!.Value).ToHashSet();
        var identityBroken = problems.Where(p => p.Reason is GridFileReasons.MissingCode or GridFileReasons.InvalidCode or GridFileReasons.CodeOutsideParent
            or GridFileReasons.MissingParent or GridFileReasons.InvalidParent or GridFileReasons.DuplicateCode or GridFileReasons.NotAFeature)
            .Select(p => p.FeatureIndex).ToHashSet();

        for (var i = 0; i < reading.Features.Count; i++)
        {
            var feature = reading.Features[i];
            if (identityBroken.Contains(i) || feature.Code is null || feature.Parent is null)
            {
                continue;
            }

            void Problem(string reason, string detail) => problems.Add(new(i, feature.Code, ProblemSeverity.Error, reason, detail));

            var community = byCode.GetValueOrDefault(feature.Parent);
            if (community is not { Kind: OrgUnitKind.Community })
            {
                Problem(UnknownParent, $"No community has the code {feature.Parent}.");
                continue;
            }

            if (!community.Path.StartsWith(scope, StringComparison.Ordinal))
            {
                Problem(ParentOutOfScope, $"Community {feature.Parent} is not under the administrator's unit {caller.UnitName}.");
                continue;
            }

            if (!community.IsActive)
            {
                Problem(ParentInactive, $"Community {feature.Parent} ({community.Name}) is out of service.");
                continue;
            }

            var existing = byCode.GetValueOrDefault(feature.Code);
            if (existing is not null && (existing.Kind != OrgUnitKind.Grid || existing.ParentId != community.Id))
            {
                Problem(CodeTaken, $"The code {feature.Code} belongs to another unit, not to a grid of community {feature.Parent}.");
                continue;
            }

            if (existing is { IsActive: false })
            {
                Problem(GridInactive, $"Grid {feature.Code} ({existing.Name}) is out of service; reactivate it before importing its area.");
                continue;
            }

            if (feature.Name is { Length: > OrganisationAdmin.NameMaxLength })
            {
                Problem(NameTooLong, $"The name has {feature.Name.Length} characters; at most {OrganisationAdmin.NameMaxLength}.");
                continue;
            }

            if (feature.Name is null || feature.Area is null || unusable.Contains(i))
            {
                rows.Add(Row(i, feature, community, existing is null ? GridImportAction.Create : GridImportAction.Update, null, false));
                continue;
            }

            var storedArea = existing is null ? null : stored.GetValueOrDefault(existing.Id);
            var areaChanged = storedArea is null || !SameArea(storedArea, feature.Area);
            var nameChanged = existing is not null && existing.Name != feature.Name;
            var action = existing is null ? GridImportAction.Create : areaChanged || nameChanged ? GridImportAction.Update : GridImportAction.Unchanged;
            planned[i] = new PlannedGrid(action, community.Id, community.Path, existing?.Id, feature.Code, feature.Name, feature.Area, nameChanged, areaChanged);
            rows.Add(Row(i, feature, community, action, nameChanged ? existing!.Name : null, areaChanged));
        }

        CheckNames(reading.Features, planned, units, problems);

        var worst = problems.Where(p => p.FeatureIndex is not null).GroupBy(p => p.FeatureIndex!.Value).ToDictionary(g => g.Key, g => g.Max(p => p.Severity));
        var byIndex = rows.ToDictionary(r => r.Index);
        var allRows = reading.Features.Select((f, i) => (byIndex.GetValueOrDefault(i) ?? Row(i, f, null, null, null, false)) with { Severity = worst.TryGetValue(i, out var s) ? s : null }).ToList();
        var ordered = problems.OrderBy(p => p.FeatureIndex ?? int.MaxValue).ThenByDescending(p => p.Severity).ToList();
        return new GridImportPlan(reading, allRows, ordered, planned.Values.ToList());
    }

    /// <summary>
    /// Writes a plan made by <see cref="CheckAsync"/> in this request: all of it in one transaction
    /// or, on any failure, none of it. Refuses a plan with errors, or with warnings not accepted.
    /// </summary>
    public async Task ImportAsync(GridImportPlan plan, bool acceptWarnings, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Administrators.ScopeOf(caller);
        if (!plan.MayImport(acceptWarnings))
        {
            throw Refusal(plan);
        }

        var changes = plan.Grids.Where(g => g.Action != GridImportAction.Unchanged).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = changes.Where(g => g.GridId is not null).Select(g => g.GridId!.Value).ToList();
        var grids = await db.OrgUnits.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var boundaries = await db.GridBoundaries.Where(b => ids.Contains(b.GridId)).ToDictionaryAsync(b => b.GridId, ct);
        foreach (var change in changes.Where(g => g.GridId is not null))
        {
            var id = change.GridId!.Value;
            if (change.NameChanged)
            {
                grids[id].Name = change.Name;
            }

            if (change.AreaChanged && boundaries.TryGetValue(id, out var boundary))
            {
                boundary.SetArea(change.Area, now);
            }
            else if (change.AreaChanged)
            {
                db.GridBoundaries.Add(GridBoundary.For(id, change.Area, now));
            }
        }

        // A new grid's path holds its own id, so it is set once the insert has given one.
        var created = changes.Where(g => g.GridId is null)
            .Select(g => (Plan: g, Unit: new OrgUnit { Kind = OrgUnitKind.Grid, Name = g.Name, Code = g.Code, ParentId = g.CommunityId }))
            .ToList();
        db.OrgUnits.AddRange(created.Select(c => c.Unit));
        await SaveAsync(ct);
        foreach (var (planned, unit) in created)
        {
            unit.Path = OrgUnit.ChildPath(planned.CommunityPath, unit.Id);
            db.GridBoundaries.Add(GridBoundary.For(unit.Id, planned.Area, now));
        }

        await SaveAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The active grids of the caller's subtree that have an area, in the file format, by code.</summary>
    public async Task<IReadOnlyList<GridFeature>> ExportAsync(Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var units = (await UnitsAsync(ct)).ToDictionary(u => u.Id);
        var stored = await StoredAreasAsync(scope, ct);
        return stored.Select(s => Feature(units[s.Key], units, s.Value)).OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
    }

    public const string ContentType = "application/geo+json";

    public static string ExportFileName(DateOnly day) => $"grids-{day:yyyyMMdd}.geojson";

    public static DomainException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Grid.Import.TooLarge", MaxFileBytes / (1024 * 1024));

    /// <summary>The refusal of a plan that may not be imported: 422, naming how many errors or warnings stand in the way.</summary>
    public static DomainException Refusal(GridImportPlan plan) => plan.HasErrors
        ? new DomainException(StatusCodes.Status422UnprocessableEntity, "Grid.Import.HasErrors", plan.Count(ProblemSeverity.Error))
        : new DomainException(StatusCodes.Status422UnprocessableEntity, "Grid.Import.WarningsNotAccepted", plan.Count(ProblemSeverity.Warning));

    /// <summary>
    /// Equal areas, whatever the ring orientation or starting vertex: GeoJSON turns rings to
    /// RFC 7946's orientation, so an exported area read back is the same area drawn the other way round.
    /// </summary>
    private static bool SameArea(Geometry stored, Geometry read) => stored.Normalized().EqualsExact(read.Normalized());

    /// <summary>Straight from the database, not the snapshot: a check must see what the import will write over.</summary>
    private async Task<List<UnitInfo>> UnitsAsync(CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking()
            .Select(u => new UnitInfo(u.Id, u.Kind, u.Name, u.Code, u.ParentId, u.Path, u.IsActive))
            .ToListAsync(ct);

    private async Task<Dictionary<int, Geometry>> StoredAreasAsync(string scope, CancellationToken ct) =>
        await db.GridBoundaries.AsNoTracking()
            .Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.Kind == OrgUnitKind.Grid && u.IsActive && u.Path.StartsWith(scope)))
            .ToDictionaryAsync(b => b.GridId, b => b.Area, ct);

    private static GridFeature Feature(UnitInfo grid, IReadOnlyDictionary<int, UnitInfo> units, Geometry area) =>
        new(grid.Code, grid.Name, grid.ParentId is { } parent ? units[parent].Code : null, area);

    private static GridImportRow Row(int index, GridFeature feature, UnitInfo? community, GridImportAction? action, string? previousName, bool areaChanged) =>
        new(index, feature.Code, feature.Name, community?.Code ?? feature.Parent, community?.Name, action, previousName, areaChanged, null);

    /// <summary>After the import, no two units under one community may share a name (the database's unique index says so too).</summary>
    private static void CheckNames(IReadOnlyList<GridFeature> features, IReadOnlyDictionary<int, PlannedGrid> planned, List<UnitInfo> units, List<GridFileProblem> problems)
    {
        var fileCodes = planned.Values.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var community in planned.GroupBy(p => p.Value.CommunityId).ToList())
        {
            var names = units.Where(u => u.ParentId == community.Key && !fileCodes.Contains(u.Code)).Select(u => (u.Name, u.Code))
                .Concat(community.Select(p => (p.Value.Name, p.Value.Code)))
                .ToList();
            foreach (var (index, grid) in community.OrderBy(p => p.Key))
            {
                if (names.FirstOrDefault(n => n.Name == grid.Name && n.Code != grid.Code) is { Code: not null } other)
                {
                    problems.Add(new(index, features[index].Code, ProblemSeverity.Error, NameTaken, $"Grid {other.Code} of the same community is also called {grid.Name}."));
                }
            }
        }
    }

    /// <summary>The unique indexes settle a race with another administrator; the loser hears it as a conflict.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Admin.Unit.CodeOrNameTaken");
        }
    }
}
