using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Geography;

/// <summary>
/// Where an incident belongs: its grid, community and street, found from its coordinates alone.
/// <see cref="District"/> is always set; the rest are null when the point is unplaced.
/// </summary>
public sealed record IncidentPlace(UnitInfo District, UnitInfo? Street, UnitInfo? Community, UnitInfo? Grid, PlacementKind Placement, double DistanceMetres)
{
    public bool IsPlaced => Grid is not null;

    /// <summary>The most precise unit of the place, whose path decides who sees the event.</summary>
    public UnitInfo Unit => Grid ?? Community ?? District;
}

/// <summary>
/// Decides the place of an incident from where it stands, never from who reports it: the seeds'
/// app filed events under the reporter's community and the wrong community got the job.
/// </summary>
public sealed class IncidentPlaces(ReferenceSnapshot<GridLocator> locator, ReferenceSnapshot<OrganisationTree> organisation, IOptions<GeographyOptions> options)
{
    /// <param name="districtId">The district whose centre takes the point when it falls outside every grid.</param>
    public async Task<IncidentPlace> ResolveAsync(double latitude, double longitude, int districtId, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var district = units.Find(districtId) ?? throw new InvalidOperationException($"Unit {districtId} is not a district.");
        var placement = (await locator.GetAsync(ct)).Locate(latitude, longitude, options.Value.NearestGridToleranceMetres);
        var grid = units.Find((int?)placement.GridId);
        var community = units.Find(grid?.ParentId);
        var street = units.Find(community?.ParentId);
        // A grid of another district (a neighbour's polygons imported side by side) is not ours to take.
        return grid is not null && community is not null && street is not null && grid.Path.StartsWith(district.Path, StringComparison.Ordinal)
            ? new IncidentPlace(district, street, community, grid, placement.Kind, placement.DistanceMetres)
            : new IncidentPlace(district, null, null, null, PlacementKind.Unplaced, placement.DistanceMetres);
    }

    /// <summary>
    /// The place of a point reported by someone outside the hierarchy (a resident): its grid
    /// decides the district too. Null when it lies in no grid the platform serves.
    /// </summary>
    public async Task<IncidentPlace?> ResolveAnywhereAsync(double latitude, double longitude, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var placement = (await locator.GetAsync(ct)).Locate(latitude, longitude, options.Value.NearestGridToleranceMetres);
        if (units.Find((int?)placement.GridId) is not { } grid)
        {
            return null;
        }

        var place = await ResolveAsync(latitude, longitude, units.DistrictOf(grid.Path).Id, ct);
        return place.IsPlaced ? place : null;
    }

    /// <summary>The locator over the areas of every active grid, rebuilt when grids or their areas change.</summary>
    public static async Task<GridLocator> LoadLocatorAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CivicGridDb>();
        var areas = await db.GridBoundaries.AsNoTracking()
            .Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.IsActive && u.Kind == OrgUnitKind.Grid))
            .Select(b => new { b.GridId, b.Area })
            .ToListAsync(ct);
        return new GridLocator(areas.Select(a => new GridArea(a.GridId, a.Area)));
    }
}
