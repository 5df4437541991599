using CivicGrid.Web.Categories;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Dispatch.Rules;

public sealed record DispatchRuleRequest(int? CategoryId, int? AreaId, int? LeadDepartmentId, IReadOnlyList<int>? AssistDepartmentIds, DispatchMode? Mode, string? Note);

/// <summary>"Who would get this?": a category at a place (a unit, or a point on the map), asked as a centre.</summary>
public sealed record DryRunRequest(int? CategoryId, int? PlaceId, double? Latitude, double? Longitude, int? CentreId);

public sealed record DryRunOutcome(DispatchRuleRow Rule, RuleVerdict Verdict);

/// <param name="Places">Where the category was asked: district, street, community (and grid), outermost first.</param>
/// <param name="CentreName">The centre whose reach decided; null when the district has none.</param>
/// <param name="Fires">The rule that fires; null when none does and a dispatcher decides.</param>
public sealed record DryRunResult(string CategoryName, IReadOnlyList<string> Places, string? CentreName, DispatchRuleRow? Fires, IReadOnlyList<DryRunOutcome> Outcomes);

/// <summary>Keeps the dispatch rules of the caller's scope (<see cref="DispatchRuleManagers"/>): listed, added, edited, taken out of service, never deleted.</summary>
public sealed class DispatchRuleAdmin(
    CivicGridDb db,
    DispatchRules rules,
    ReferenceSnapshot<DispatchRuleBook> book,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    ReferenceSnapshot<OrganisationTree> organisation,
    IncidentPlaces places,
    TimeProvider clock)
{
    /// <summary>The rules whose area lies in the caller's scope: active first, then by category code and area.</summary>
    public async Task<IReadOnlyList<DispatchRuleRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        var scope = DispatchRuleManagers.ScopeOf(caller);
        var units = await organisation.GetAsync(ct);
        var categories = await catalogue.GetAsync(ct);
        var rows = new List<DispatchRuleRow>();
        foreach (var rule in (await book.GetAsync(ct)).All.Where(r => units.Find(r.AreaId)?.Path.StartsWith(scope, StringComparison.Ordinal) == true))
        {
            rows.Add(await rules.RowAsync(rule, ct));
        }

        return rows.OrderByDescending(r => r.IsActive)
            .ThenBy(r => categories.Find(r.CategoryId)?.Code, StringComparer.Ordinal)
            .ThenBy(r => units.Find(r.AreaId)?.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Id)
            .ToList();
    }

    public async Task<DispatchRuleRow> GetAsync(int id, Caller caller, CancellationToken ct) =>
        await rules.RowAsync(await InScopeAsync(id, caller, ct), ct);

    public async Task<DispatchRuleRow> CreateAsync(DispatchRuleRequest request, Caller caller, CancellationToken ct)
    {
        var scope = DispatchRuleManagers.ScopeOf(caller);
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new DispatchRule { CreatedAt = now };
        await ApplyAsync(rule, request, scope, ct);
        db.DispatchRules.Add(rule);
        await SaveAsync(ct);
        return await rules.RowAsync(rule, ct);
    }

    public async Task<DispatchRuleRow> UpdateAsync(int id, DispatchRuleRequest request, Caller caller, CancellationToken ct)
    {
        var scope = DispatchRuleManagers.ScopeOf(caller);
        var rule = await InScopeAsync(id, caller, ct);
        await ApplyAsync(rule, request, scope, ct);
        await SaveAsync(ct);
        return await rules.RowAsync(rule, ct);
    }

    /// <summary>Takes a rule out of service, or back in (refused while another active rule has its category and area).</summary>
    public async Task<DispatchRuleRow> SetActiveAsync(int id, bool active, Caller caller, CancellationToken ct)
    {
        var rule = await InScopeAsync(id, caller, ct);
        if (active && !rule.IsActive)
        {
            await RefuseDuplicateAsync(rule.Id, rule.CategoryId, rule.AreaId, ct);
        }

        rule.IsActive = active;
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(ct);
        return await rules.RowAsync(rule, ct);
    }

    /// <summary>Which rule fires for a category at a place, and why the others that fit lost; nothing is written.</summary>
    public async Task<DryRunResult> DryRunAsync(DryRunRequest request, Caller caller, CancellationToken ct)
    {
        var scope = DispatchRuleManagers.ScopeOf(caller);
        var units = await organisation.GetAsync(ct);
        var category = (await catalogue.GetAsync(ct)).Find(request.CategoryId);
        var byPoint = request.PlaceId is null;
        var check = new Validation()
            .Require(request.CategoryId is not null, "categoryId", "Validation.Required")
            .Require(request.CategoryId is null || category is not null, "categoryId", "Validation.UnknownCategory");
        if (byPoint)
        {
            check.Position(request.Latitude, request.Longitude);
        }

        check.ThrowIfInvalid();

        UnitInfo? place;
        if (byPoint)
        {
            var at = await places.ResolveAsync(request.Latitude!.Value, request.Longitude!.Value, units.DistrictOf(caller.UnitPath).Id, ct);
            place = at.Unit;
        }
        else
        {
            place = units.Find(request.PlaceId) is { Kind: OrgUnitKind.District or OrgUnitKind.Street or OrgUnitKind.Community or OrgUnitKind.Grid } unit ? unit : null;
        }

        if (place is null || !place.Path.StartsWith(scope, StringComparison.Ordinal))
        {
            throw DomainException.NotFound();
        }

        var areas = DispatchRuleBook.AreasOf(place, units);
        var centre = CentreFor(request.CentreId, areas, scope, units);
        var match = (await book.GetAsync(ct)).Match(category!, areas, centre, units);
        var outcomes = new List<DryRunOutcome>();
        foreach (var outcome in match.Outcomes)
        {
            outcomes.Add(new DryRunOutcome(await rules.RowAsync(outcome.Rule, ct), outcome.Verdict));
        }

        var trail = new List<string>();
        for (var unit = place; unit is not null && unit.Kind.IsPlace(); unit = units.Find(unit.ParentId))
        {
            trail.Insert(0, unit.Name);
        }

        return new DryRunResult(category!.Name, trail, centre?.Name, outcomes.FirstOrDefault(o => o.Verdict == RuleVerdict.Fires)?.Rule, outcomes);
    }

    /// <summary>The centre asked for (one the caller may look at), else the one that registers events of the place: its street's, else the district's.</summary>
    private static UnitInfo? CentreFor(int? centreId, IReadOnlyList<UnitInfo> areas, string scope, OrganisationTree units)
    {
        if (centreId is not null)
        {
            return units.Find(centreId) is { Kind: OrgUnitKind.GovernanceCentre } centre && units.Find(centre.ParentId)?.Path.StartsWith(scope, StringComparison.Ordinal) != false
                && areas.Any(a => a.Id == centre.ParentId)
                ? centre
                : throw DomainException.Invalid(new Dictionary<string, string[]> { ["centreId"] = ["DispatchRule.UnknownCentre"] });
        }

        return areas.Where(a => a.Kind is OrgUnitKind.Street or OrgUnitKind.District)
            .OrderBy(a => a.Kind == OrgUnitKind.Street ? 0 : 1)
            .Select(a => units.CentreOf(a.Id))
            .FirstOrDefault(c => c is not null);
    }

    /// <summary>Checks everything and sets the rule's fields only when all is well, so a refused save writes nothing.</summary>
    private async Task ApplyAsync(DispatchRule rule, DispatchRuleRequest request, string scope, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var category = (await catalogue.GetAsync(ct)).Find(request.CategoryId);
        var area = units.Find(request.AreaId);
        var assists = (request.AssistDepartmentIds ?? []).ToList();
        var district = area is null ? null : units.DistrictOf(area.Path);
        bool IsDepartment(int id) =>
            units.Find(id) is { Kind: OrgUnitKind.Department, IsActive: true } d && district is not null && d.Path.StartsWith(district.Path, StringComparison.Ordinal);

        var check = new Validation()
            .Require(request.CategoryId is not null, "categoryId", "Validation.Required")
            .Require(request.CategoryId is null || category is { IsActive: true }, "categoryId", "Validation.UnknownCategory")
            .Require(request.AreaId is not null, "areaId", "Validation.Required")
            .Require(request.AreaId is null || area is { Kind: OrgUnitKind.District or OrgUnitKind.Street or OrgUnitKind.Community, IsActive: true } && area.Path.StartsWith(scope, StringComparison.Ordinal), "areaId", "DispatchRule.UnknownArea")
            .Require(request.LeadDepartmentId is not null, "leadDepartmentId", "Validation.Required")
            .Require(request.Mode is not null, "mode", "Validation.Required")
            .Require(request.Mode is null || Enum.IsDefined(request.Mode.Value), "mode", "Validation.UnknownValue")
            .Text(request.Note, "note", DispatchRuleConfiguration.NoteMaxLength, required: false);
        if (area is not null && request.LeadDepartmentId is { } lead)
        {
            check.Require(IsDepartment(lead), "leadDepartmentId", "DispatchRule.UnknownDepartment")
                .Require(!assists.Contains(lead), "assistDepartmentIds", "Validation.AssistIsLead");
        }

        check.Require(area is null || assists.All(IsDepartment), "assistDepartmentIds", "DispatchRule.UnknownDepartment")
            .Require(assists.Distinct().Count() == assists.Count, "assistDepartmentIds", "DispatchRule.RepeatedDepartment");
        check.ThrowIfInvalid();

        if (rule.IsActive)
        {
            await RefuseDuplicateAsync(rule.Id, category!.Id, area!.Id, ct);
        }

        rule.CategoryId = category!.Id;
        rule.AreaId = area!.Id;
        rule.LeadDepartmentId = request.LeadDepartmentId!.Value;
        rule.AssistDepartmentIds = assists;
        rule.Mode = request.Mode!.Value;
        rule.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task RefuseDuplicateAsync(int id, int categoryId, int areaId, CancellationToken ct)
    {
        if (await db.DispatchRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id != id && r.IsActive && r.CategoryId == categoryId && r.AreaId == areaId, ct) is { } other)
        {
            throw DomainException.Conflict("DispatchRule.Duplicate", other.Id);
        }
    }

    private async Task<DispatchRule> InScopeAsync(int id, Caller caller, CancellationToken ct)
    {
        var scope = DispatchRuleManagers.ScopeOf(caller);
        var rule = await db.DispatchRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        return rule is not null && (await organisation.GetAsync(ct)).Find(rule.AreaId)?.Path.StartsWith(scope, StringComparison.Ordinal) == true
            ? rule
            : throw DomainException.NotFound();
    }

    /// <summary>The unique index answers a race the check above could not see: the same readable refusal.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw DomainException.Conflict("DispatchRule.DuplicateMeanwhile");
        }
    }
}
