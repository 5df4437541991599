using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Organisation;

public sealed record PlaceOption(int CommunityId, string CommunityName, string StreetName, IReadOnlyList<GridOption> Grids);

public sealed record GridOption(int Id, string Name);

public sealed record UnitOption(int Id, string Name, OrgUnitKind Kind, int? ParentId);

/// <summary>The units a caller picks from: places to report in, departments to dispatch to.</summary>
public sealed class OrganisationQueries(CivicGridDb db)
{
    /// <summary>Communities and grids of the caller's district: an incident may stand outside the reporter's own area.</summary>
    public async Task<IReadOnlyList<PlaceOption>> PlacesAsync(Caller caller, CancellationToken ct)
    {
        var district = caller.UnitPath[..(caller.UnitPath.IndexOf('/', 1) + 1)];
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.IsActive && u.Path.StartsWith(district) && (u.Kind == OrgUnitKind.Street || u.Kind == OrgUnitKind.Community || u.Kind == OrgUnitKind.Grid))
            .OrderBy(u => u.Code)
            .ToListAsync(ct);
        var streets = units.Where(u => u.Kind == OrgUnitKind.Street).ToDictionary(u => u.Id, u => u.Name);
        return units.Where(u => u.Kind == OrgUnitKind.Community)
            .Select(c => new PlaceOption(c.Id, c.Name, streets.GetValueOrDefault(c.ParentId ?? 0, ""),
                units.Where(g => g.Kind == OrgUnitKind.Grid && g.ParentId == c.Id).Select(g => new GridOption(g.Id, g.Name)).ToList()))
            .ToList();
    }

    /// <summary>Departments a centre may dispatch to: those of the place it looks after.</summary>
    public async Task<IReadOnlyList<UnitOption>> DispatchTargetsAsync(Caller caller, CancellationToken ct)
    {
        if (caller.UnitKind != OrgUnitKind.GovernanceCentre || caller.PlaceScopePath is not { } scope)
        {
            return [];
        }

        return await db.OrgUnits.AsNoTracking()
            .Where(u => u.IsActive && u.Kind == OrgUnitKind.Department && u.Path.StartsWith(scope))
            .OrderBy(u => u.Code)
            .Select(u => new UnitOption(u.Id, u.Name, u.Kind, u.ParentId))
            .ToListAsync(ct);
    }
}
