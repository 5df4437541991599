using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Web.Geography;

/// <summary>A community whose grids and buildings the caller looks after, in whole or in part.</summary>
public sealed record CommunityRow(int Id, string Name, string StreetName, int GridCount, int BuildingCount);

public sealed record BuildingRow(int Id, string Name, string Address, int GridId, string GridName, int UnitCount);

/// <summary>The buildings of a community the caller sees, at most <see cref="BuildingQueries.MaxListed"/> of them.</summary>
public sealed record BuildingList(UnitInfo Community, string StreetName, IReadOnlyList<UnitInfo> Grids, IReadOnlyList<BuildingRow> Buildings, int Total);

public sealed record BuildingDetail(
    int Id, string Name, string Address, double Latitude, double Longitude,
    string StreetName, int CommunityId, string CommunityName, int GridId, string GridName, string GridPath,
    IReadOnlyList<BuildingUnitOption> Units, Geometry? GridArea);

/// <summary>楼栋: what the staff pages show of buildings, always within <see cref="PlaceScope"/>.</summary>
public sealed class BuildingQueries(CivicGridDb db, ReferenceSnapshot<OrganisationTree> organisation)
{
    public const int MaxListed = 200;

    public async Task<IReadOnlyList<CommunityRow>> CommunitiesAsync(Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var communities = units.Units
            .Where(u => u.Kind == OrgUnitKind.Community && u.IsActive && PlaceScope.Reaches(caller, u.Path))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        var perGrid = await db.Buildings.AsNoTracking().VisibleTo(db, caller)
            .Where(b => b.IsActive)
            .GroupBy(b => b.GridId)
            .Select(g => new { GridId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.GridId, g => g.Count, ct);
        return communities.Select(c =>
        {
            var grids = PlaceScope.GridsOf(units, c, caller).ToList();
            return new CommunityRow(c.Id, c.Name, units.NameOf(c.ParentId) ?? "", grids.Count, grids.Sum(g => perGrid.GetValueOrDefault(g.Id)));
        }).ToList();
    }

    /// <summary>The community's buildings in the caller's grids whose name or address contains the words, grid by grid.</summary>
    public async Task<BuildingList> ListAsync(int communityId, string? query, Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var community = PlaceScope.CommunityFor(units, communityId, caller);
        var grids = PlaceScope.GridsOf(units, community, caller).ToList();
        var gridIds = grids.Select(g => g.Id).ToList();
        var buildings = db.Buildings.AsNoTracking().Where(b => b.IsActive && gridIds.Contains(b.GridId));
        if (query?.Trim() is { Length: > 0 } words)
        {
            buildings = buildings.Where(b => b.Name.Contains(words) || b.Address.Contains(words));
        }

        var rows = await buildings
            .Select(b => new BuildingRow(b.Id, b.Name, b.Address, b.GridId, "", b.Units.Count))
            .ToListAsync(ct);
        var listed = rows
            .OrderBy(b => gridIds.IndexOf(b.GridId)).ThenBy(b => b.Name.Length).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Take(MaxListed)
            .Select(b => b with { GridName = units.NameOf(b.GridId) ?? "" })
            .ToList();
        return new BuildingList(community, units.NameOf(community.ParentId) ?? "", grids, listed, rows.Count);
    }

    /// <summary>A building of the caller's subtree, with its units and the area of its grid; 404 for any other.</summary>
    public async Task<BuildingDetail> DetailAsync(int id, Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var building = await db.Buildings.AsNoTracking().VisibleTo(db, caller)
            .Where(b => b.Id == id && b.IsActive)
            .Select(b => new
            {
                b.Id,
                b.Name,
                b.Address,
                b.Latitude,
                b.Longitude,
                b.GridId,
                Units = b.Units.OrderBy(u => u.Order).Select(u => new BuildingUnitOption(u.Id, u.Name)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        var grid = units.Find(building?.GridId);
        var community = units.Find(grid?.ParentId);
        if (building is null || grid is not { IsActive: true } || community is null)
        {
            throw DomainException.NotFound();
        }

        var area = await db.GridBoundaries.AsNoTracking().Where(g => g.GridId == grid.Id).Select(g => g.Area).SingleOrDefaultAsync(ct);
        return new BuildingDetail(
            building.Id, building.Name, building.Address, building.Latitude, building.Longitude,
            units.NameOf(community.ParentId) ?? "", community.Id, community.Name, grid.Id, grid.Name, grid.Path, building.Units, area);
    }
}
