using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Geography;

/// <summary>A building as an administrator enters it: where it stands decides its grid.</summary>
public sealed record BuildingRequest(string? Name, string? Address, double? Latitude, double? Longitude, IReadOnlyList<string>? Units);

public sealed record BuildingAdminRow(int Id, string Name, string Address, double Latitude, double Longitude, int GridId, string GridName, string CommunityName, bool IsActive, IReadOnlyList<BuildingUnitOption> Units);

/// <summary>
/// 楼栋 administration: an administrator adds and corrects the buildings of its own subtree. The
/// building's point decides its grid through the same index that places incidents; a point
/// outside the administrator's grids is refused. Units are only ever added or renamed in order,
/// never removed, because events and (later) residents refer to them.
/// </summary>
public sealed class BuildingAdmin(CivicGridDb db, IncidentPlaces places, ReferenceSnapshot<OrganisationTree> organisation)
{
    public const int MaxUnits = 50;

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
        var scope = Administrators.ScopeOf(caller);
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

        var district = (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath);
        var place = await places.ResolveAsync(request.Latitude!.Value, request.Longitude!.Value, district.Id, ct);
        check.Require(place.Grid is { } grid && grid.Path.StartsWith(scope, StringComparison.Ordinal), "latitude", "Admin.Building.OutsideYourGrids");
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
        return new BuildingAdminRow(b.Id, b.Name, b.Address, b.Latitude, b.Longitude, grid.Id, grid.Name, units.NameOf(grid.ParentId) ?? "", b.IsActive,
            b.Units.OrderBy(u => u.Order).Select(u => new BuildingUnitOption(u.Id, u.Name)).ToList());
    }
}
