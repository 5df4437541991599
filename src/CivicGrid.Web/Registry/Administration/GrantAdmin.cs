using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Administration;

public sealed record GrantRow(
    long Id, int DepartmentId, string DepartmentName, int PlaceId, string PlaceName, OrgUnitKind PlaceKind,
    string Purpose, Guid GrantedById, string GrantedByName, DateTime GrantedAt, DateTime? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

public sealed record GrantRequest(int? DepartmentId, int? PlaceId, string? Purpose);

/// <summary>A unit an administrator may pick in the grant form.</summary>
public sealed record GrantUnit(int Id, string Name, OrgUnitKind Kind);

/// <summary>
/// Departments see no registry data until an administrator grants one of their subtree the registry
/// of a street or community of their subtree, for a stated purpose; a revoked grant stays listed.
/// </summary>
public sealed class GrantAdmin(CivicGridDb db, TimeProvider clock)
{
    public const int PurposeMaxLength = RegistryGrantConfiguration.PurposeMaxLength;

    private static readonly OrgUnitKind[] PlaceKinds = [OrgUnitKind.Street, OrgUnitKind.Community];

    /// <summary>Grants to the departments of the subtree, active ones first, newest first.</summary>
    public async Task<IReadOnlyList<GrantRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var rows = await Rows(scope, id: null).ToListAsync(ct);
        return rows
            .OrderBy(g => g.RevokedAt is null ? 0 : 1).ThenByDescending(g => g.GrantedAt).ThenByDescending(g => g.Id)
            .ToList();
    }

    public async Task<IReadOnlyList<GrantUnit>> DepartmentsAsync(Caller caller, CancellationToken ct) =>
        await UnitsAsync(caller, [OrgUnitKind.Department], ct);

    public async Task<IReadOnlyList<GrantUnit>> PlacesAsync(Caller caller, CancellationToken ct) =>
        await UnitsAsync(caller, PlaceKinds, ct);

    public async Task<GrantRow> CreateAsync(GrantRequest request, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var purpose = request.Purpose?.Trim();
        var check = new Validation()
            .Require(request.DepartmentId is not null, "departmentId", "Validation.Required")
            .Require(request.PlaceId is not null, "placeId", "Validation.Required")
            .Text(purpose, "purpose", PurposeMaxLength);
        var department = await ActiveUnitAsync(request.DepartmentId, scope, [OrgUnitKind.Department], ct);
        var place = await ActiveUnitAsync(request.PlaceId, scope, PlaceKinds, ct);
        check.Require(request.DepartmentId is null || department is not null, "departmentId", "Registry.Admin.Grant.UnknownDepartment")
            .Require(request.PlaceId is null || place is not null, "placeId", "Registry.Admin.Grant.UnknownPlace")
            .ThrowIfInvalid();
        if (await db.RegistryGrants.AnyAsync(g => g.DepartmentId == department!.Id && g.PlaceId == place!.Id && g.RevokedAt == null, ct))
        {
            throw DomainException.Conflict("Registry.Admin.Grant.AlreadyGranted", department!.Name, place!.Name);
        }

        var grant = new RegistryGrant
        {
            DepartmentId = department!.Id,
            PlaceId = place!.Id,
            Purpose = purpose!,
            GrantedById = caller.UserId,
            GrantedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RegistryGrants.Add(grant);
        await db.SaveChangesAsync(ct);
        return await GetAsync(grant.Id, scope, ct);
    }

    /// <summary>From now on the department no longer reaches the place; the grant stays as a record.</summary>
    public async Task<GrantRow> RevokeAsync(long id, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var row = await GetAsync(id, scope, ct);
        if (!row.IsActive)
        {
            throw DomainException.Conflict("Registry.Admin.Grant.AlreadyRevoked");
        }

        var grant = await db.RegistryGrants.SingleAsync(g => g.Id == id, ct);
        grant.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return row with { RevokedAt = grant.RevokedAt };
    }

    private async Task<GrantRow> GetAsync(long id, string scope, CancellationToken ct) =>
        await Rows(scope, id).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();

    /// <summary>Grants to departments of the scope; one when <paramref name="id"/> is given.</summary>
    private IQueryable<GrantRow> Rows(string scope, long? id) =>
        from g in db.RegistryGrants
        join d in db.OrgUnits on g.DepartmentId equals d.Id
        join p in db.OrgUnits on g.PlaceId equals p.Id
        join u in db.Users on g.GrantedById equals u.Id into grantors
        from u in grantors.DefaultIfEmpty()
        where d.Path.StartsWith(scope) && (id == null || g.Id == id)
        select new GrantRow(g.Id, d.Id, d.Name, p.Id, p.Name, p.Kind, g.Purpose, g.GrantedById, u == null ? "" : u.DisplayName, g.GrantedAt, g.RevokedAt);

    private async Task<OrgUnit?> ActiveUnitAsync(int? id, string scope, OrgUnitKind[] kinds, CancellationToken ct) =>
        id is { } unitId
            ? await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == unitId && u.IsActive && kinds.Contains(u.Kind) && u.Path.StartsWith(scope), ct)
            : null;

    private async Task<IReadOnlyList<GrantUnit>> UnitsAsync(Caller caller, OrgUnitKind[] kinds, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.IsActive && kinds.Contains(u.Kind) && u.Path.StartsWith(scope))
            .Select(u => new { u.Id, u.Name, u.Kind, u.Path })
            .ToListAsync(ct);
        return units.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => new GrantUnit(u.Id, u.Name, u.Kind)).ToList();
    }
}
