using CivicGrid.Web.Categories;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Dispatch.Rules;

/// <summary>What the rule form and the dry run offer to choose from, within the caller's scope.</summary>
public sealed record RuleChoices(
    IReadOnlyList<CategoryView> Categories,
    IReadOnlyList<UnitInfo> Areas,
    IReadOnlyList<UnitInfo> Places,
    IReadOnlyList<UnitInfo> Departments,
    IReadOnlyList<UnitInfo> Centres)
{
    /// <summary>How deep a place sits below the district, to indent it in a list.</summary>
    public static int Depth(UnitInfo unit) => unit.Path.Count(c => c == '/') - 2;

    public static async Task<RuleChoices> ForAsync(Caller caller, ReferenceSnapshot<CategoryCatalogue> catalogue, ReferenceSnapshot<OrganisationTree> organisation, CancellationToken ct)
    {
        var scope = DispatchRuleManagers.ScopeOf(caller);
        var units = await organisation.GetAsync(ct);
        var district = units.DistrictOf(caller.UnitPath);
        var active = units.Units.Where(u => u.IsActive).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        var inScope = active.Where(u => u.Path.StartsWith(scope, StringComparison.Ordinal)).ToList();
        // Majors first within their branch: a major's code is the prefix of its minors'.
        var categories = (await catalogue.GetAsync(ct)).Active;
        return new RuleChoices(
            categories,
            inScope.Where(u => u.Kind is OrgUnitKind.District or OrgUnitKind.Street or OrgUnitKind.Community).ToList(),
            inScope.Where(u => u.Kind.IsPlace()).ToList(),
            active.Where(u => u.Kind == OrgUnitKind.Department && u.Path.StartsWith(district.Path, StringComparison.Ordinal)).ToList(),
            inScope.Where(u => u.Kind == OrgUnitKind.GovernanceCentre).ToList());
    }
}
