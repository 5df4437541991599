using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Administration;

/// <summary>A care tag as the administrator keeps it, with how many persons carry it.</summary>
public sealed record CareTagRow(int Id, string Name, int Order, bool IsActive, int PersonCount);

public sealed record CareTagRequest(string? Name);

/// <summary>Every tag's id, in the new order.</summary>
public sealed record CareTagOrder(List<int>? Ids);

/// <summary>
/// Keeps the care tag list: tags are added, renamed, reordered and retired, never deleted (persons
/// keep theirs). Like the category tree the list is one for the whole platform, so only an
/// administrator at its top (the district) changes it, and only they see it with its counts.
/// </summary>
public sealed class CareTagAdmin(CivicGridDb db)
{
    public const string Policy = "CareTagAdministrator";
    public const int NameMaxLength = CareTagConfiguration.NameMaxLength;

    public static bool IsFor(Caller caller) => Administrators.IsFor(caller) && caller.UnitKind == OrgUnitKind.District;

    public async Task<IReadOnlyList<CareTagRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        return await db.CareTags.AsNoTracking()
            .OrderBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new CareTagRow(t.Id, t.Name, t.Order, t.IsActive, db.PersonCareTags.Count(p => p.CareTagId == t.Id)))
            .ToListAsync(ct);
    }

    public async Task<CareTagRow> CreateAsync(CareTagRequest request, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var name = await CheckNameAsync(request.Name, id: null, ct);
        var last = await db.CareTags.MaxAsync(t => (int?)t.Order, ct) ?? 0;
        var tag = new CareTag { Name = name, Order = last + 1 };
        db.CareTags.Add(tag);
        await SaveAsync(ct);
        return await RowAsync(tag, ct);
    }

    public async Task<CareTagRow> RenameAsync(int id, CareTagRequest request, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var tag = await FindAsync(id, ct);
        tag.Name = await CheckNameAsync(request.Name, id, ct);
        await SaveAsync(ct);
        return await RowAsync(tag, ct);
    }

    /// <summary>The whole list in its new order: naming every tag once means two administrators cannot half-apply each other's order.</summary>
    public async Task<IReadOnlyList<CareTagRow>> ReorderAsync(CareTagOrder order, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var tags = await db.CareTags.ToListAsync(ct);
        var ids = order.Ids ?? [];
        new Validation()
            .Require(ids.Count == tags.Count && ids.Distinct().Count() == ids.Count && tags.All(t => ids.Contains(t.Id)), "ids", "Registry.Admin.CareTag.OrderIncomplete")
            .ThrowIfInvalid();
        foreach (var tag in tags)
        {
            tag.Order = ids.IndexOf(tag.Id) + 1;
        }

        await SaveAsync(ct);
        return await ListAsync(caller, ct);
    }

    /// <summary>One place up (-1) or down (+1), as the page's arrows ask.</summary>
    public async Task<IReadOnlyList<CareTagRow>> MoveAsync(int id, int by, Caller caller, CancellationToken ct)
    {
        var ids = (await ListAsync(caller, ct)).Select(t => t.Id).ToList();
        var at = ids.IndexOf(id);
        if (at < 0)
        {
            throw DomainException.NotFound();
        }

        var to = Math.Clamp(at + by, 0, ids.Count - 1);
        (ids[at], ids[to]) = (ids[to], ids[at]);
        return await ReorderAsync(new CareTagOrder(ids), caller, ct);
    }

    /// <summary>A retired tag stays on the persons who carry it but is offered no more.</summary>
    public async Task<CareTagRow> RetireAsync(int id, Caller caller, CancellationToken ct) => await SetActiveAsync(id, false, caller, ct);

    public async Task<CareTagRow> ReactivateAsync(int id, Caller caller, CancellationToken ct) => await SetActiveAsync(id, true, caller, ct);

    private async Task<CareTagRow> SetActiveAsync(int id, bool active, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var tag = await FindAsync(id, ct);
        tag.IsActive = active;
        await SaveAsync(ct);
        return await RowAsync(tag, ct);
    }

    private async Task<string> CheckNameAsync(string? name, int? id, CancellationToken ct)
    {
        name = name?.Trim();
        new Validation().Text(name, "name", NameMaxLength).ThrowIfInvalid();
        if (await db.CareTags.AnyAsync(t => t.Name == name && t.Id != id, ct))
        {
            throw DomainException.Conflict("Registry.Admin.CareTag.NameTaken", name!);
        }

        return name!;
    }

    private static void Authorise(Caller caller)
    {
        Administrators.ScopeOf(caller);
        if (!IsFor(caller))
        {
            throw DomainException.Forbidden("Registry.Admin.CareTag.DistrictOnly");
        }
    }

    private async Task<CareTag> FindAsync(int id, CancellationToken ct) =>
        await db.CareTags.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound();

    /// <summary>The unique name index settles a race between two administrators; the loser hears it as a conflict.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Registry.Admin.CareTag.NameTakenMeanwhile");
        }
    }

    private async Task<CareTagRow> RowAsync(CareTag tag, CancellationToken ct) =>
        new(tag.Id, tag.Name, tag.Order, tag.IsActive, await db.PersonCareTags.CountAsync(p => p.CareTagId == tag.Id, ct));
}
