using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Organisation;

/// <summary>A unit as the administrator sees it; <see cref="Depth"/> counts from the administrator's own unit.</summary>
public sealed record UnitRow(int Id, OrgUnitKind Kind, string Name, string Code, int? ParentId, string Path, bool IsActive, int Depth);

public sealed record UnitRequest(OrgUnitKind? Kind, string? Name, string? Code, int? ParentId);

public sealed record UnitEdit(string? Name, string? Code);

/// <summary>Keeps the hierarchy of an administrator's subtree: units are added, renamed, deactivated, never deleted.</summary>
public sealed class OrganisationAdmin(CivicGridDb db)
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 32;

    /// <summary>The subtree in tree order: each unit followed by its children, siblings by code.</summary>
    public async Task<IReadOnlyList<UnitRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(scope)).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId);
        var rows = new List<UnitRow>(units.Count);
        void Visit(OrgUnit unit, int depth)
        {
            rows.Add(Row(unit, depth));
            foreach (var child in children[unit.Id].OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                Visit(child, depth + 1);
            }
        }

        foreach (var root in units.Where(u => u.Path == scope))
        {
            Visit(root, 0);
        }

        return rows;
    }

    public async Task<UnitRow> GetAsync(int id, Caller caller, CancellationToken ct) =>
        Row(await InScopeAsync(id, caller, ct), caller);

    public async Task<UnitRow> CreateAsync(UnitRequest request, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var check = new Validation()
            .Require(request.Kind is null || Enum.IsDefined(request.Kind.Value), "kind", "Validation.UnknownValue")
            .Require(request.Kind is not null, "kind", "Validation.Required")
            .Text(request.Name, "name", NameMaxLength)
            .Text(request.Code, "code", CodeMaxLength)
            .Require(request.ParentId is not null, "parentId", "Validation.Required");
        var parent = request.ParentId is { } parentId
            ? await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == parentId && u.Path.StartsWith(scope), ct)
            : null;
        check.Require(request.ParentId is null || parent is { IsActive: true }, "parentId", "Admin.Unit.UnknownParent");
        if (parent is not null && request.Kind is { } kind)
        {
            check.Require(OrgUnitKinds.AllowedParents(kind).Contains(parent.Kind), "parentId", "Admin.Unit.ParentKindNotAllowed");
        }

        var name = request.Name?.Trim();
        var code = request.Code?.Trim();
        await CheckUniqueAsync(check, name, code, parent?.Id, exceptId: null, ct);
        check.ThrowIfInvalid();

        // The path needs the new id, so insert and set it in one transaction: no half-made unit is ever seen.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unit = new OrgUnit { Kind = request.Kind!.Value, Name = name!, Code = code!, ParentId = parent!.Id };
        db.OrgUnits.Add(unit);
        await SaveAsync(ct);
        unit.Path = OrgUnit.ChildPath(parent.Path, unit.Id);
        await SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return Row(unit, caller);
    }

    public async Task<UnitRow> UpdateAsync(int id, UnitEdit edit, Caller caller, CancellationToken ct)
    {
        var unit = await InScopeAsync(id, caller, ct);
        var check = new Validation()
            .Text(edit.Name, "name", NameMaxLength)
            .Text(edit.Code, "code", CodeMaxLength);
        var name = edit.Name?.Trim();
        var code = edit.Code?.Trim();
        await CheckUniqueAsync(check, name, code, unit.ParentId, unit.Id, ct);
        check.ThrowIfInvalid();

        unit.Name = name!;
        unit.Code = code!;
        await SaveAsync(ct);
        return Row(unit, caller);
    }

    /// <summary>Only a unit with nothing active beneath it goes out of service, so no account or child is orphaned.</summary>
    public async Task<UnitRow> DeactivateAsync(int id, Caller caller, CancellationToken ct)
    {
        var unit = await InScopeAsync(id, caller, ct);
        if (await db.OrgUnits.AnyAsync(u => u.ParentId == unit.Id && u.IsActive, ct))
        {
            throw DomainException.Conflict("Admin.Unit.HasActiveChildren", unit.Name);
        }

        if (await db.Users.AnyAsync(u => u.UnitId == unit.Id && u.IsActive, ct))
        {
            throw DomainException.Conflict("Admin.Unit.HasActiveAccounts", unit.Name);
        }

        unit.IsActive = false;
        await SaveAsync(ct);
        return Row(unit, caller);
    }

    public async Task<UnitRow> ReactivateAsync(int id, Caller caller, CancellationToken ct)
    {
        var unit = await InScopeAsync(id, caller, ct);
        if (unit.ParentId is { } parentId && !await db.OrgUnits.AnyAsync(u => u.Id == parentId && u.IsActive, ct))
        {
            throw DomainException.Conflict("Admin.Unit.ParentInactive", unit.Name);
        }

        unit.IsActive = true;
        await SaveAsync(ct);
        return Row(unit, caller);
    }

    private async Task<OrgUnit> InScopeAsync(int id, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        return await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id && u.Path.StartsWith(scope), ct)
            ?? throw DomainException.NotFound();
    }

    private async Task CheckUniqueAsync(Validation check, string? name, string? code, int? parentId, int? exceptId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(code))
        {
            check.Require(!await db.OrgUnits.AnyAsync(u => u.Code == code && u.Id != exceptId, ct), "code", "Admin.Unit.CodeTaken");
        }

        if (!string.IsNullOrEmpty(name) && parentId is not null)
        {
            check.Require(!await db.OrgUnits.AnyAsync(u => u.ParentId == parentId && u.Name == name && u.Id != exceptId, ct), "name", "Admin.Unit.NameTaken");
        }
    }

    /// <summary>The unique indexes settle a race between two administrators; the loser hears it as a conflict.</summary>
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

    private static UnitRow Row(OrgUnit unit, Caller caller) =>
        Row(unit, unit.Path.Count(c => c == '/') - caller.UnitPath.Count(c => c == '/'));

    private static UnitRow Row(OrgUnit unit, int depth) =>
        new(unit.Id, unit.Kind, unit.Name, unit.Code, unit.ParentId, unit.Path, unit.IsActive, depth);
}
