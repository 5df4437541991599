using System.Globalization;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CivicGrid.Web.Geography;

/// <summary>Where a report would go, before it is sent: "毅阳社区 · 第3网格", or the unplaced queue.</summary>
public sealed record PlacePreview(bool Placed, PlacementKind Placement, double? DistanceMetres, int? StreetId, string? StreetName, int? CommunityId, string? CommunityName, int? GridId, string? GridName);

public sealed record AddressMatch(int BuildingId, string Name, string Address, double Latitude, double Longitude, string? CommunityName, string? GridName, IReadOnlyList<BuildingUnitOption> Units);

public sealed record BuildingUnitOption(int Id, string Name);

/// <summary>A map window: west, south, east, north in WGS-84 degrees.</summary>
public sealed record BoundingBox(double West, double South, double East, double North)
{
    /// <summary>"117.69,24.50,117.72,24.53"; null when it is not four numbers in range with west ≤ east and south ≤ north.</summary>
    public static BoundingBox? Parse(string? text)
    {
        var parts = text?.Split(',');
        if (parts is not { Length: 4 })
        {
            return null;
        }

        var numbers = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                return null;
            }
        }

        var box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        return box is { West: >= -180, East: <= 180, South: >= -90, North: <= 90 } && box.West <= box.East && box.South <= box.North ? box : null;
    }
}

/// <summary>What the report form and the maps ask about places.</summary>
public sealed class PlaceQueries(CivicGridDb db, IncidentPlaces places, ReferenceSnapshot<OrganisationTree> organisation)
{
    public const int MaxAddressMatches = 10;

    public async Task<PlacePreview> PreviewAsync(double latitude, double longitude, Caller caller, CancellationToken ct)
    {
        var district = (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath);
        var place = await places.ResolveAsync(latitude, longitude, district.Id, ct);
        return new PlacePreview(
            place.IsPlaced, place.Placement, double.IsFinite(place.DistanceMetres) ? Math.Round(place.DistanceMetres, 1) : null,
            place.Street?.Id, place.Street?.Name, place.Community?.Id, place.Community?.Name, place.Grid?.Id, place.Grid?.Name);
    }

    /// <summary>Buildings of the caller's district whose name or address contains the words typed.</summary>
    public async Task<IReadOnlyList<AddressMatch>> SearchAddressesAsync(string? query, Caller caller, CancellationToken ct)
    {
        var words = query?.Trim();
        if (string.IsNullOrEmpty(words))
        {
            return [];
        }

        var units = await organisation.GetAsync(ct);
        var district = units.DistrictOf(caller.UnitPath).Path;
        var matches = await db.Buildings.AsNoTracking()
            .Where(b => b.IsActive && (b.Address.Contains(words) || b.Name.Contains(words)))
            .Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.Path.StartsWith(district)))
            .OrderBy(b => b.Address)
            .Take(MaxAddressMatches)
            .Select(b => new { b.Id, b.Name, b.Address, b.Latitude, b.Longitude, b.GridId, Units = b.Units.OrderBy(u => u.Order).Select(u => new BuildingUnitOption(u.Id, u.Name)).ToList() })
            .ToListAsync(ct);
        return matches.Select(b => new AddressMatch(b.Id, b.Name, b.Address, b.Latitude, b.Longitude, units.NameOf(units.Find(b.GridId)?.ParentId), units.NameOf(b.GridId), b.Units)).ToList();
    }

    /// <summary>The middle of the grids the caller looks after (its district's, for a department), where its maps open.</summary>
    public async Task<(double Latitude, double Longitude)?> CentreOfAsync(Caller caller, CancellationToken ct) =>
        await ExtentOfAsync(caller, ct) is { } box ? ((box.South + box.North) / 2, (box.West + box.East) / 2) : null;

    /// <summary>The window around the grids the caller looks after (its district's, for a department).</summary>
    public async Task<BoundingBox?> ExtentOfAsync(Caller caller, CancellationToken ct) =>
        await ExtentUnderAsync(caller.PlaceScopePath ?? (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath).Path, ct);

    /// <summary>The window around the grids under a unit's path, e.g. one community's.</summary>
    public async Task<BoundingBox?> ExtentUnderAsync(string scope, CancellationToken ct)
    {
        var extent = await db.GridBoundaries.AsNoTracking()
            .Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.Path.StartsWith(scope)))
            .GroupBy(b => 1)
            .Select(g => new { South = g.Min(b => b.MinLatitude), North = g.Max(b => b.MaxLatitude), West = g.Min(b => b.MinLongitude), East = g.Max(b => b.MaxLongitude) })
            .SingleOrDefaultAsync(ct);
        return extent is null ? null : new BoundingBox(extent.West, extent.South, extent.East, extent.North);
    }

    /// <summary>
    /// A point inside an active grid of the caller's district, where a grid's QR code opens the report
    /// form: inside the area itself (not the centre of its box, which may lie in the next grid).
    /// </summary>
    public async Task<(double Latitude, double Longitude)?> InsideGridAsync(int gridId, Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var district = units.DistrictOf(caller.UnitPath).Path;
        if (units.Find(gridId) is not { Kind: OrgUnitKind.Grid, IsActive: true } grid || !grid.Path.StartsWith(district, StringComparison.Ordinal))
        {
            return null;
        }

        var area = await db.GridBoundaries.AsNoTracking().Where(b => b.GridId == gridId).Select(b => b.Area).SingleOrDefaultAsync(ct);
        return area?.InteriorPoint is { IsEmpty: false } inside ? (Math.Round(inside.Y, 6), Math.Round(inside.X, 6)) : null;
    }

    /// <summary>The grids of the caller's district that reach into the window, as GeoJSON features with their names.</summary>
    public async Task<FeatureCollection> GridsAsync(BoundingBox box, Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var district = units.DistrictOf(caller.UnitPath).Path;
        var grids = await db.GridBoundaries.AsNoTracking()
            .Where(b => b.MinLongitude <= box.East && b.MaxLongitude >= box.West && b.MinLatitude <= box.North && b.MaxLatitude >= box.South)
            .Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.IsActive && u.Path.StartsWith(district)))
            .Select(b => new { b.GridId, b.Area })
            .ToListAsync(ct);

        var features = new FeatureCollection();
        foreach (var grid in grids)
        {
            var unit = units.Find(grid.GridId)!;
            var community = units.Find(unit.ParentId);
            features.Add(new Feature(grid.Area, new AttributesTable
            {
                { "id", unit.Id },
                { "code", unit.Code },
                { "name", unit.Name },
                { "community", community?.Name ?? "" },
                { "communityId", community?.Id ?? 0 },
            }));
        }

        return features;
    }
}
