using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Administration;

/// <summary>One unmasking: who saw which number of whom, when and why. The person appears by name and masked number only.</summary>
public sealed record AccessRow(
    long Id, DateTime At, Guid ById, string ByName, int ByUnitId, string ByUnitName,
    PersonalField Field, string Reason, long PersonId, string PersonName, string? PersonIdNumberMasked);

/// <summary>Beijing calendar days, both included; a staff member; a page.</summary>
public sealed record AccessQuery(DateOnly? From = null, DateOnly? To = null, Guid? StaffId = null, int? Page = null, int? PageSize = null);

/// <summary>Someone of the subtree who unmasked, for the staff filter.</summary>
public sealed record AccessStaff(Guid Id, string Name);

/// <summary>
/// 访问审计: an administrator reads every unmasking made by staff of their subtree (by the unit the
/// staff member stood in when they unmasked), never the numbers themselves.
/// </summary>
public sealed class AccessAudit(CivicGridDb db)
{
    public async Task<Page<AccessRow>> ListAsync(AccessQuery query, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        new Validation()
            .Require(query.From is null || query.To is null || query.From <= query.To, "to", "Registry.Admin.Audit.RangeReversed")
            .ThrowIfInvalid();
        var accesses = InScope(scope);
        if (query.From is { } from)
        {
            var start = LocalTime.StartOfDayUtc(from);
            accesses = accesses.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = LocalTime.StartOfDayUtc(to.AddDays(1));
            accesses = accesses.Where(a => a.At < end);
        }

        if (query.StaffId is { } staff)
        {
            accesses = accesses.Where(a => a.ById == staff);
        }

        var rows =
            from a in accesses
            join u in db.OrgUnits on a.ByUnitId equals u.Id
            join p in db.Persons on a.PersonId equals p.Id
            orderby a.At descending, a.Id descending
            select new AccessRow(a.Id, a.At, a.ById, a.ByName, a.ByUnitId, u.Name, a.Field, a.Reason, p.Id, p.Name, p.IdNumberMasked);
        return await rows.ToPageAsync(new PageRequest(query.Page, query.PageSize), ct);
    }

    /// <summary>Everyone of the subtree who has unmasked at least once.</summary>
    public async Task<IReadOnlyList<AccessStaff>> StaffAsync(Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var staff = await InScope(scope).Select(a => new { a.ById, a.ByName }).Distinct().ToListAsync(ct);
        return staff.GroupBy(s => s.ById).Select(g => new AccessStaff(g.Key, g.First().ByName))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private IQueryable<PersonalDataAccess> InScope(string scope) =>
        db.PersonalDataAccesses.Where(a => db.OrgUnits.Any(u => u.Id == a.ByUnitId && u.Path.StartsWith(scope)));
}
