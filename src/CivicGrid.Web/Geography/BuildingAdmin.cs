using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Geography;

/// <summary>A building as an administrator enters it: where it stands decides its grid.</summary>
public sealed record BuildingRequest(string? Name, string? Address, double? Latitude, double? Longitude, IReadOnlyList<string>? Units);

public sealed record BuildingAdminRow(int Id, string Name, string Address, double Latitude, double Longitude, int GridId, string GridName, int CommunityId, string CommunityName, bool IsActive, IReadOnlyList<BuildingUnitOption> Units);

/// <summary>A community's buildings, in use or not, at most <see cref="BuildingQueries.MaxListed"/> of them.</summary>
public sealed record BuildingAdminList(UnitInfo Community, string StreetName, IReadOnlyList<BuildingAdminRow> Buildings, int Total);

/// <summary>The grid a building at a point would stand in, and whether that grid is the administrator's.</summary>
public sealed record BuildingPlace(IncidentPlace Place, bool IsYours);

/// <summary>
/// 楼栋 administration: an administrator adds and corrects the buildings of its own subtree. The
/// building's point decides its grid through the same index that places incidents; a point
/// outside the administrator's grids is refused. Units are only ever added or renamed in order,
/// never removed, because events and (later) residents refer to them.
/// </summary>
public sealed class BuildingAdmin(CivicGridDb db, IncidentPlaces places, ReferenceSnapshot<OrganisationTree> organisation)
{
    public const int MaxUnits = 50;

    /// <summary>The buildings of a community of the caller's subtree, grid by grid, whose name or address contains the words; 404 for any other community.</summary>
    public async Task<BuildingAdminList> ListAsync(int communityId, string? query, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var units = await organisation.GetAsync(ct);
        if (units.Find(communityId) is not { Kind: OrgUnitKind.Community } community || !community.Path.StartsWith(scope, StringComparison.Ordinal))
        {
            throw DomainException.NotFound();
        }

        // Grids out of use too: a building left in one is still there to be moved or taken out of use.
        var gridIds = units.ChildrenOf(community.Id).Where(g => g.Kind == OrgUnitKind.Grid).OrderBy(g => g.Code, StringComparer.Ordinal).Select(g => g.Id).ToList();
        var buildings = db.Buildings.AsNoTracking().Where(b => gridIds.Contains(b.GridId));
        if (query?.Trim() is { Length: > 0 } words)
        {
            buildings = buildings.Where(b => b.Name.Contains(words) || b.Address.Contains(words));
        }

        var found = await buildings
            .Select(b => new { b.Id, b.Name, b.Address, b.Latitude, b.Longitude, b.GridId, b.IsActive, Units = b.Units.OrderBy(u => u.Order).Select(u => new BuildingUnitOption(u.Id, u.Name)).ToList() })
            .ToListAsync(ct);
        var rows = found
            .OrderBy(b => gridIds.IndexOf(b.GridId)).ThenBy(b => b.Name.Length).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Take(BuildingQueries.MaxListed)
            .Select(b => new BuildingAdminRow(b.Id, b.Name, b.Address, b.Latitude, b.Longitude, b.GridId, units.NameOf(b.GridId) ?? "", community.Id, community.Name, b.IsActive, b.Units))
            .ToList();
        return new BuildingAdminList(community, units.NameOf(community.ParentId) ?? "", rows, found.Count);
    }

    /// <summary>A building of the caller's subtree, in use or not; 404 for any other.</summary>
    public async Task<BuildingAdminRow> GetAsync(int id, Caller caller, CancellationToken ct) => await RowAsync(await InScopeAsync(id, caller, ct), ct);

    /// <summary>Where a building at this point would stand: the same decision <see cref="CreateAsync"/> takes, for the page to show before saving.</summary>
    public async Task<BuildingPlace> PlaceAsync(double latitude, double longitude, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var district = (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath);
        var place = await places.ResolveAsync(latitude, longitude, district.Id, ct);
        return new BuildingPlace(place, place.Grid is { } grid && grid.Path.StartsWith(scope, StringComparison.Ordinal));
    }

    public async Task<BuildingAdminRow> CreateAsync(BuildingRequest request, Caller caller, CancellationToken ct)
    {
        var grid = await ValidateAsync(request, caller, ct);
        var building = new Building { GridId = grid.Id, Name = request.Name!.Trim(), Address = request.Address!.Trim(), Latitude = request.Latitude!.Value, Longitude = request.Longitude!.Value };
        building.Units.AddRange(UnitNames(request).Select((name, i) => new BuildingUnit { Name = name, Order = i + 1 }));
        db.Buildings.Add(building);
        await SaveAsync(ct);
        return await RowAsync(building, ct);
    }

    public async Task<BuildingAdminRow> UpdateAsync(int id, BuildingRequest request, Caller caller, CancellationToken ct)
    {
        var building = await InScopeAsync(id, caller, ct);
        var grid = await ValidateAsync(request, caller, ct, building);
        (building.GridId, building.Name, building.Address, building.Latitude, building.Longitude) =
            (grid.Id, request.Name!.Trim(), request.Address!.Trim(), request.Latitude!.Value, request.Longitude!.Value);
        var names = UnitNames(request);
        foreach (var (unit, i) in building.Units.OrderBy(u => u.Order).Select((u, i) => (u, i)))
        {
            unit.Name = names[i];
        }

        building.Units.AddRange(names.Skip(building.Units.Count).Select((name, i) => new BuildingUnit { Name = name, Order = building.Units.Count + i + 1 }));
        await SaveAsync(ct);
        return await RowAsync(building, ct);
    }

    public async Task<BuildingAdminRow> SetActiveAsync(int id, bool active, Caller caller, CancellationToken ct)
    {
        var building = await InScopeAsync(id, caller, ct);
        building.IsActive = active;
        await SaveAsync(ct);
        return await RowAsync(building, ct);
    }

    private async Task<Building> InScopeAsync(int id, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        return await db.Buildings.Include(b => b.Units)
            .SingleOrDefaultAsync(b => b.Id == id && db.OrgUnits.Any(u => u.Id == b.GridId && u.Path.StartsWith(scope)), ct)
            ?? throw DomainException.NotFound();
    }

    private async Task<UnitInfo> ValidateAsync(BuildingRequest request, Caller caller, CancellationToken ct, Building? existing = null)
    {
        // A non-administrator is refused before being told what is wrong with the building.
        Administrators.ScopeOf(caller);
        var names = request.Units ?? [];
        var check = new Validation()
            .Text(request.Name, "name", BuildingConfiguration.NameMaxLength)
            .Text(request.Address, "address", BuildingConfiguration.AddressMaxLength)
            .Position(request.Latitude, request.Longitude)
            .Require(names.Count <= MaxUnits, "units", "Validation.TooMany")
            .Require(names.All(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= BuildingConfiguration.NameMaxLength), "units", "Validation.Required")
            .Require(names.Select(n => n?.Trim()).Distinct().Count() == names.Count, "units", "Admin.Building.UnitTwice")
            .Require(existing is null || names.Count >= existing.Units.Count, "units", "Admin.Building.UnitsStay");
        check.ThrowIfInvalid();

        var (place, yours) = await PlaceAsync(request.Latitude!.Value, request.Longitude!.Value, caller, ct);
        check.Require(yours, "latitude", "Admin.Building.OutsideYourGrids");
        if (place.Grid is { } found)
        {
            var name = request.Name!.Trim();
            check.Require(!await db.Buildings.AnyAsync(b => b.GridId == found.Id && b.Name == name && b.Id != (existing == null ? 0 : existing.Id), ct), "name", "Admin.Building.NameTaken");
        }

        check.ThrowIfInvalid();
        return place.Grid!;
    }

    private static List<string> UnitNames(BuildingRequest request) => (request.Units ?? []).Select(n => n.Trim()).ToList();

    /// <summary>The unique index settles two administrators naming the same building at once: the loser hears it as a conflict.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Admin.Building.NameTaken");
        }
    }

    private async Task<BuildingAdminRow> RowAsync(Building b, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var grid = units.Find(b.GridId)!;
        return new BuildingAdminRow(b.Id, b.Name, b.Address, b.Latitude, b.Longitude, grid.Id, grid.Name, grid.ParentId ?? 0, units.NameOf(grid.ParentId) ?? "", b.IsActive,
            b.Units.OrderBy(u => u.Order).Select(u => new BuildingUnitOption(u.Id, u.Name)).ToList());
    }
}
