using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Geography;

/// <summary>A grid or a building, as a QR code names it.</summary>
public sealed record PlaceRef(PlaceCodeKind Kind, int Id);

/// <summary>The place a code stands for, with the names a label or the landing page shows.</summary>
public sealed record CodedPlace(
    PlaceCodeKind Kind, int Id, string Path, string StreetName, int CommunityId, string CommunityName, int GridId, string GridName, string? BuildingName, string? Address)
{
    /// <summary>"毅阳社区 · 第3网格" or "毅阳社区 · 3栋".</summary>
    public string Name => $"{CommunityName} · {(Kind == PlaceCodeKind.Grid ? GridName : BuildingName)}";
}

/// <summary>A code as staff see it: the token, the short URL in its QR code, and whether it still works.</summary>
public sealed record PlaceCodeView(string Token, PlaceCodeKind Kind, int TargetId, string PlaceName, Uri Url, DateTime CreatedAt, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>One label of a sheet: the place and its active code.</summary>
public sealed record PlaceLabel(CodedPlace Place, PlaceCodeView Code);

/// <summary>The labels of one community's grids or buildings.</summary>
public sealed record LabelSheet(int CommunityId, string CommunityName, string StreetName, PlaceCodeKind Kind, IReadOnlyList<PlaceLabel> Labels);

/// <summary>A token that works, and the place it opens.</summary>
public sealed record ResolvedCode(string Token, CodedPlace Place);

/// <summary>Where a scan takes the person holding the phone.</summary>
public enum CodeLanding
{
    /// <summary>Not signed in, or staff of another district: the page naming the place.</summary>
    PublicPage = 1,
    /// <summary>The report form, its pin inside the grid.</summary>
    ReportInGrid = 2,
    /// <summary>The building's page, for staff who look after it.</summary>
    BuildingPage = 3,
    /// <summary>The report form at the building, for other staff of the district.</summary>
    ReportAtBuilding = 4,
}

/// <summary>
/// The QR codes on walls (/q/{token}): one active code per grid and per building, issued the first
/// time it is needed (a building's page, a label sheet), revoked and replaced when a label is torn
/// down or copied. Who may do what is <see cref="PlaceScope"/>'s decision.
/// </summary>
public sealed class PlaceCodes(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    PlaceCodeTokens tokens,
    TimeProvider clock,
    IOptions<GeographyOptions> options,
    IHttpContextAccessor http)
{
    private const int TokenAttempts = 5;

    // One issuer at a time in this process, so two requests for the same new building cannot both
    // give it a code; the schema has no unique index on (kind, target) to refuse the second.
    private static readonly SemaphoreSlim Issuing = new(1, 1);

    /// <summary>A grid or building of the caller's subtree, active; 404 for anything else.</summary>
    public async Task<CodedPlace> PlaceAsync(PlaceRef place, Caller caller, CancellationToken ct)
    {
        var found = await FindAsync(place, ct);
        return found is not null && PlaceScope.Covers(caller, found.Path) ? found : throw DomainException.NotFound();
    }

    /// <summary>The place's code now on the wall, issued if it has none yet.</summary>
    public async Task<PlaceCodeView> ActiveCodeAsync(PlaceRef place, Caller caller, CancellationToken ct) =>
        (await IssueAsync(place, caller, ct)).Code;

    /// <summary>Makes sure the place has an active code; <c>Issued</c> says whether it is new.</summary>
    public async Task<(PlaceCodeView Code, bool Issued)> IssueAsync(PlaceRef place, Caller caller, CancellationToken ct)
    {
        var found = await PlaceAsync(place, caller, ct);
        var issued = await EnsureCodesAsync(place.Kind, [place.Id], ct);
        var (code, isNew) = issued[place.Id];
        return (View(code, found), isNew);
    }

    /// <summary>Every code the place has had, the one on the wall first.</summary>
    public async Task<IReadOnlyList<PlaceCodeView>> HistoryAsync(PlaceRef place, Caller caller, CancellationToken ct)
    {
        var found = await PlaceAsync(place, caller, ct);
        var codes = await db.PlaceCodes.AsNoTracking()
            .Where(c => c.Kind == place.Kind && c.TargetId == place.Id)
            .ToListAsync(ct);
        return codes.OrderBy(c => c.RevokedAt is not null).ThenByDescending(c => c.CreatedAt).Select(c => View(c, found)).ToList();
    }

    /// <summary>
    /// Takes the token out of service and issues the place a new one to print: for administrators
    /// and community heads of the place. The old label then opens the "no longer valid" page.
    /// </summary>
    public async Task<PlaceCodeView> RevokeAsync(string token, Caller caller, CancellationToken ct)
    {
        // Checked and changed under the issuer's lock: a second click cannot revoke the code the first one printed.
        await Issuing.WaitAsync(ct);
        try
        {
            var key = PlaceCodeTokens.Normalise(token);
            var code = key is null ? null : await db.PlaceCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Token == key, ct);
            var place = code is null ? null : await FindAsync(new PlaceRef(code.Kind, code.TargetId), ct);
            if (code is null || place is null || !PlaceScope.Covers(caller, place.Path))
            {
                throw DomainException.NotFound();
            }

            if (!PlaceScope.ManagesCodes(caller, place.Path))
            {
                throw DomainException.Forbidden("PlaceCode.NotManager");
            }

            if (code.RevokedAt is not null)
            {
                throw DomainException.Conflict("PlaceCode.AlreadyRevoked");
            }

            // Every active code of the place goes (a duplicate left by another instance too), in the
            // same save that adds the new one: the place is never left without a code.
            var now = Now;
            foreach (var active in await db.PlaceCodes.Where(c => c.Kind == code.Kind && c.TargetId == code.TargetId && c.RevokedAt == null).ToListAsync(ct))
            {
                active.RevokedAt = now;
            }

            var fresh = await AddCodesAsync(code.Kind, [code.TargetId], ct);
            return View(fresh[0], place);
        }
        finally
        {
            Issuing.Release();
        }
    }

    /// <summary>The place a scanned token opens, for anyone; null when the token is unknown, revoked, or its place is gone.</summary>
    public async Task<ResolvedCode?> ResolveAsync(string? token, CancellationToken ct)
    {
        var key = PlaceCodeTokens.Normalise(token);
        if (key is null)
        {
            return null;
        }

        var code = await db.PlaceCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Token == key && c.RevokedAt == null, ct);
        var place = code is null ? null : await FindAsync(new PlaceRef(code.Kind, code.TargetId), ct);
        return place is null ? null : new ResolvedCode(key, place);
    }

    /// <summary>
    /// Staff go straight to work, anywhere in their district (an incident may stand outside their
    /// own area); anyone else, staff of another district included, gets the page naming the place.
    /// </summary>
    public async Task<CodeLanding> LandingAsync(CodedPlace place, Caller? caller, CancellationToken ct)
    {
        if (caller is null || !place.Path.StartsWith((await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath).Path, StringComparison.Ordinal))
        {
            return CodeLanding.PublicPage;
        }

        return place.Kind switch
        {
            PlaceCodeKind.Grid => CodeLanding.ReportInGrid,
            _ when PlaceScope.Covers(caller, place.Path) => CodeLanding.BuildingPage,
            _ => CodeLanding.ReportAtBuilding,
        };
    }

    /// <summary>
    /// The labels of a community's grids or buildings that the caller looks after, each with its
    /// active code: codes missing are issued now, all at once, so the sheet prints complete.
    /// </summary>
    public async Task<LabelSheet> LabelsAsync(int communityId, PlaceCodeKind kind, Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var community = PlaceScope.CommunityFor(units, communityId, caller);
        var places = kind == PlaceCodeKind.Grid
            ? PlaceScope.GridsOf(units, community, caller).Select(g => GridPlace(units, g)).ToList()
            : await BuildingsOfAsync(units, community, caller, ct);
        var codes = await EnsureCodesAsync(kind, places.Select(p => p.Id).ToList(), ct);
        return new LabelSheet(community.Id, community.Name, units.NameOf(community.ParentId) ?? "", kind, places.Select(p => new PlaceLabel(p, View(codes[p.Id].Code, p))).ToList());
    }

    /// <summary>The short URL a code's QR encodes: the configured public address, else the one this request came to.</summary>
    public Uri UrlOf(string token)
    {
        var root = (options.Value.PublicBaseUrl ?? RequestRoot()).AbsoluteUri;
        return new Uri($"{root.TrimEnd('/')}/q/{token}");
    }

    private Uri RequestRoot()
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Geography:PublicBaseUrl is not set and there is no request to take the address from.");
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}");
    }

    private PlaceCodeView View(PlaceCode code, CodedPlace place) =>
        new(code.Token, code.Kind, code.TargetId, place.Name, UrlOf(code.Token), code.CreatedAt, code.RevokedAt);

    private async Task<List<CodedPlace>> BuildingsOfAsync(OrganisationTree units, UnitInfo community, Caller caller, CancellationToken ct)
    {
        var grids = PlaceScope.GridsOf(units, community, caller).ToList();
        var gridIds = grids.Select(g => g.Id).ToList();
        var buildings = await db.Buildings.AsNoTracking()
            .Where(b => b.IsActive && gridIds.Contains(b.GridId))
            .Select(b => new { b.Id, b.GridId, b.Name, b.Address })
            .ToListAsync(ct);
        return buildings
            .OrderBy(b => gridIds.IndexOf(b.GridId)).ThenBy(b => b.Name.Length).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => BuildingPlace(units, units.Find(b.GridId)!, b.Id, b.Name, b.Address))
            .ToList();
    }

    private async Task<CodedPlace?> FindAsync(PlaceRef place, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        if (place.Kind == PlaceCodeKind.Grid)
        {
            return units.Find(place.Id) is { Kind: OrgUnitKind.Grid, IsActive: true } grid ? GridPlace(units, grid) : null;
        }

        var building = await db.Buildings.AsNoTracking()
            .Where(b => b.Id == place.Id && b.IsActive)
            .Select(b => new { b.Id, b.GridId, b.Name, b.Address })
            .SingleOrDefaultAsync(ct);
        return building is not null && units.Find(building.GridId) is { IsActive: true } buildingGrid
            ? BuildingPlace(units, buildingGrid, building.Id, building.Name, building.Address)
            : null;
    }

    private static CodedPlace GridPlace(OrganisationTree units, UnitInfo grid)
    {
        var community = units.Find(grid.ParentId)!;
        return new CodedPlace(PlaceCodeKind.Grid, grid.Id, grid.Path, units.NameOf(community.ParentId) ?? "", community.Id, community.Name, grid.Id, grid.Name, null, null);
    }

    private static CodedPlace BuildingPlace(OrganisationTree units, UnitInfo grid, int id, string name, string address)
    {
        var community = units.Find(grid.ParentId)!;
        return new CodedPlace(PlaceCodeKind.Building, id, grid.Path, units.NameOf(community.ParentId) ?? "", community.Id, community.Name, grid.Id, grid.Name, name, address);
    }

    /// <summary>The active code of each target, issuing codes for those that have none.</summary>
    private async Task<Dictionary<int, (PlaceCode Code, bool Issued)>> EnsureCodesAsync(PlaceCodeKind kind, IReadOnlyCollection<int> targets, CancellationToken ct)
    {
        await Issuing.WaitAsync(ct);
        try
        {
            var active = await db.PlaceCodes.AsNoTracking()
                .Where(c => c.Kind == kind && c.RevokedAt == null && targets.Contains(c.TargetId))
                .ToListAsync(ct);
            // Should two active codes exist (two instances issuing at once), the older one is the one shown.
            var codes = active.GroupBy(c => c.TargetId).ToDictionary(g => g.Key, g => (g.OrderBy(c => c.CreatedAt).ThenBy(c => c.Token, StringComparer.Ordinal).First(), false));
            var missing = targets.Where(t => !codes.ContainsKey(t)).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var code in await AddCodesAsync(kind, missing, ct))
                {
                    codes[code.TargetId] = (code, true);
                }
            }

            return codes;
        }
        finally
        {
            Issuing.Release();
        }
    }

    /// <summary>New codes for the targets, with tokens no code has ever had. Call within <see cref="Issuing"/>.</summary>
    private async Task<List<PlaceCode>> AddCodesAsync(PlaceCodeKind kind, IReadOnlyList<int> targets, CancellationToken ct)
    {
        var now = Now;
        var fresh = await FreshTokensAsync(targets.Count, ct);
        var codes = targets.Select((target, i) => new PlaceCode { Token = fresh[i], Kind = kind, TargetId = target, CreatedAt = now }).ToList();
        db.PlaceCodes.AddRange(codes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            // No code stays tracked: a failed save must not be retried by the page's next save.
            foreach (var entry in db.ChangeTracker.Entries<PlaceCode>().ToList())
            {
                entry.State = EntityState.Detached;
            }
        }

        return codes;
    }

    /// <summary>
    /// Random tokens, distinct from each other and from every token ever issued (a revoked
    /// token is never given to another place, or an old label would open the wrong one).
    /// </summary>
    private async Task<List<string>> FreshTokensAsync(int count, CancellationToken ct)
    {
        var chosen = new List<string>(count);
        for (var attempt = 0; attempt < TokenAttempts && chosen.Count < count; attempt++)
        {
            var candidates = Enumerable.Range(0, count - chosen.Count).Select(_ => tokens.Next()).Distinct().Except(chosen).ToList();
            var taken = await db.PlaceCodes.AsNoTracking().Where(c => candidates.Contains(c.Token)).Select(c => c.Token).ToListAsync(ct);
            chosen.AddRange(candidates.Except(taken));
        }

        return chosen.Count == count
            ? chosen
            : throw new InvalidOperationException($"No free place-code token after {TokenAttempts} attempts; the token space is exhausted or the generator is broken.");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
