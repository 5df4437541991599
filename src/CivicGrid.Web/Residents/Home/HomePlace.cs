using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Home;

/// <summary>The grid a resident sets, by its id or by the token of a place QR code.</summary>
public sealed record HomeRequest(int? GridId, string? Code);

/// <summary>我的网格: the grid, with the community and street it lies in; all null until the resident chooses.</summary>
public sealed record HomeView(int? GridId, string? Grid, int? CommunityId, string? Community, int? StreetId, string? Street);

public sealed record PlaceChoice(int Id, string Name);

/// <summary>
/// A resident's home place (我的网格): one grid, chosen from the streets' lists or taken from a place
/// QR code. Notices to a grid or community reach the residents whose home lies in it.
/// </summary>
public sealed class HomePlace(CivicGridDb db, ReferenceSnapshot<OrganisationTree> organisation, PlaceCodes codes)
{
    public async Task<HomeView> GetAsync(Resident resident, CancellationToken ct)
    {
        var homeGridId = await db.Residents.AsNoTracking().Where(r => r.Id == resident.Id).Select(r => r.HomeGridId).SingleOrDefaultAsync(ct);
        return ViewOf(await organisation.GetAsync(ct), homeGridId);
    }

    /// <summary>Sets the home grid; an unknown or inactive place, or one that is not a grid, changes nothing.</summary>
    public async Task<HomeView> SetAsync(Resident resident, HomeRequest request, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var gridId = string.IsNullOrWhiteSpace(request.Code) ? request.GridId : (await GridOfCodeAsync(request.Code, ct))?.Id;
        if (gridId is null && string.IsNullOrWhiteSpace(request.Code))
        {
            throw Refused("gridId", "Validation.Required");
        }

        if (units.Find(gridId) is not { Kind: OrgUnitKind.Grid, IsActive: true } grid)
        {
            throw string.IsNullOrWhiteSpace(request.Code) ? Refused("gridId", "Home.NoSuchGrid") : Refused("code", "Home.UnknownCode");
        }

        await db.Residents.Where(r => r.Id == resident.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.HomeGridId, grid.Id), ct);
        return ViewOf(units, grid.Id);
    }

    /// <summary>The grid of a scanned code (a building's code stands in its grid), or null when the code does not work.</summary>
    public async Task<PlaceChoice?> GridOfCodeAsync(string? token, CancellationToken ct) =>
        await codes.ResolveAsync(token, ct) is { } code ? new PlaceChoice(code.Place.GridId, $"{code.Place.CommunityName} · {code.Place.GridName}") : null;

    public async Task<IReadOnlyList<PlaceChoice>> StreetsAsync(CancellationToken ct) =>
        Choices((await organisation.GetAsync(ct)).Units.Where(u => u.Kind == OrgUnitKind.Street));

    /// <summary>The communities of a street, or the grids of a community; empty for anything else.</summary>
    public async Task<IReadOnlyList<PlaceChoice>> ChildrenAsync(int? parentId, OrgUnitKind kind, CancellationToken ct) =>
        parentId is { } id ? Choices((await organisation.GetAsync(ct)).ChildrenOf(id).Where(u => u.Kind == kind)) : [];

    private static List<PlaceChoice> Choices(IEnumerable<UnitInfo> units) =>
        [.. units.Where(u => u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new PlaceChoice(u.Id, u.Name))];

    private static HomeView ViewOf(OrganisationTree units, int? gridId)
    {
        var grid = units.Find(gridId);
        var community = units.Find(grid?.ParentId);
        var street = units.Find(community?.ParentId);
        return new HomeView(grid?.Id, grid?.Name, community?.Id, community?.Name, street?.Id, street?.Name);
    }

    private static DomainException Refused(string field, string messageKey) =>
        DomainException.Invalid(new Dictionary<string, string[]> { [field] = [messageKey] });
}
