using CivicGrid.Web.Categories;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Dispatch.Rules;

/// <summary>Why a rule whose category and area fit an event did or did not fire.</summary>
public enum RuleVerdict
{
    Fires = 1,
    /// <summary>A rule for the event's own minor category fired before this rule for the whole branch.</summary>
    LessSpecificCategory = 2,
    /// <summary>A rule for a smaller area (community before street before district) fired first.</summary>
    LargerArea = 3,
    /// <summary>The dispatching centre cannot reach its departments: outside the centre's place, or out of service.</summary>
    Unreachable = 4,
    Inactive = 5,
}

public sealed record RuleOutcome(DispatchRule Rule, RuleVerdict Verdict);

/// <summary>The rule that fires, if any, and every rule that fits the category and place, in order of precedence.</summary>
public sealed record RuleMatch(DispatchRule? Winner, IReadOnlyList<RuleOutcome> Outcomes);

/// <summary>
/// Every dispatch rule, in memory as a reference snapshot: each registration and each queue row
/// asks for a match, and rules change a few times a month.
/// </summary>
/// <remarks>
/// Precedence (docs/decisions/0010-dispatch-rules.md): the most specific category wins (a rule for
/// the minor category over one for its major branch); then the smallest area (community, street,
/// district). A rule whose departments the dispatching centre cannot reach is skipped for that
/// centre, and the next one in order is tried. Two active rules never share category and area.
/// </remarks>
public sealed class DispatchRuleBook(IEnumerable<DispatchRule> rules)
{
    private readonly List<DispatchRule> _rules = rules.ToList();

    public IReadOnlyList<DispatchRule> All => _rules;

    public DispatchRule? Find(int id) => _rules.Find(r => r.Id == id);

    /// <param name="areas">The street, community and district the place lies in (any order).</param>
    /// <param name="centre">The centre that would dispatch; null when there is none, and then only the departments' being in service counts.</param>
    public RuleMatch Match(CategoryView category, IReadOnlyCollection<UnitInfo> areas, UnitInfo? centre, OrganisationTree units)
    {
        var candidates = _rules
            .Where(r => r.CategoryId == category.Id || (category.ParentId is { } major && r.CategoryId == major))
            .Select(r => (Rule: r, Area: areas.FirstOrDefault(a => a.Id == r.AreaId)))
            .Where(c => c.Area is not null)
            .OrderBy(c => c.Rule.CategoryId == category.Id ? 0 : 1)
            .ThenBy(c => AreaRank(c.Area!.Kind))
            .ThenBy(c => c.Rule.Id)
            .Select(c => c.Rule)
            .ToList();

        DispatchRule? winner = null;
        var outcomes = new List<RuleOutcome>(candidates.Count);
        foreach (var rule in candidates)
        {
            var verdict = !rule.IsActive ? RuleVerdict.Inactive
                : !Reaches(centre, rule, units) ? RuleVerdict.Unreachable
                : winner is null ? RuleVerdict.Fires
                : winner.CategoryId != rule.CategoryId ? RuleVerdict.LessSpecificCategory
                : RuleVerdict.LargerArea;
            winner ??= verdict == RuleVerdict.Fires ? rule : null;
            outcomes.Add(new RuleOutcome(rule, verdict));
        }

        return new RuleMatch(winner, outcomes);
    }

    /// <summary>The street, community and district above (and including) a place.</summary>
    public static IReadOnlyList<UnitInfo> AreasOf(UnitInfo? place, OrganisationTree units)
    {
        var areas = new List<UnitInfo>();
        for (var unit = place; unit is not null; unit = units.Find(unit.ParentId))
        {
            if (unit.Kind is OrgUnitKind.Community or OrgUnitKind.Street or OrgUnitKind.District)
            {
                areas.Add(unit);
            }
        }

        return areas;
    }

    /// <summary>A centre dispatches to the active departments of the place it sits in, as <c>EventTransitions</c> enforces.</summary>
    public static bool Reaches(UnitInfo? centre, DispatchRule rule, OrganisationTree units)
    {
        var scope = centre is null ? "/" : units.Find(centre.ParentId)?.Path;
        return scope is not null && rule.AssistDepartmentIds.Append(rule.LeadDepartmentId)
            .All(id => units.Find(id) is { Kind: OrgUnitKind.Department, IsActive: true } d && d.Path.StartsWith(scope, StringComparison.Ordinal));
    }

    private static int AreaRank(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Community => 0,
        OrgUnitKind.Street => 1,
        _ => 2,
    };

    public static async Task<DispatchRuleBook> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CivicGridDb>();
        return new DispatchRuleBook(await db.DispatchRules.AsNoTracking().ToListAsync(ct));
    }
}
