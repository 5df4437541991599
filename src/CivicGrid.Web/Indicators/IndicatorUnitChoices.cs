using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Indicators;

/// <summary>A unit the dashboard's picker offers, with its depth below the caller's own place for indenting.</summary>
public sealed record IndicatorUnitChoice(int Id, string Name, int Depth);

/// <summary>
/// The units a caller may pick, the same reach <see cref="IndicatorQueries"/> checks: a department
/// itself; otherwise the caller's place and the places and departments under it, down to
/// communities (and their grids when the caller's own place is a community or a grid).
/// </summary>
public static class IndicatorUnitChoices
{
    public static IReadOnlyList<IndicatorUnitChoice> For(Caller caller, OrganisationTree tree)
    {
        if (caller.PlaceScopePath is not { } scope)
        {
            return tree.Find(caller.UnitId) is { } own ? [new IndicatorUnitChoice(own.Id, own.Name, 0)] : [];
        }

        var top = tree.Units.SingleOrDefault(u => u.Path == scope);
        var withGrids = top?.Kind is OrgUnitKind.Community or OrgUnitKind.Grid;
        var choices = new List<IndicatorUnitChoice>();
        void Visit(UnitInfo unit, int depth)
        {
            choices.Add(new IndicatorUnitChoice(unit.Id, unit.Name, depth));
            foreach (var child in tree.ChildrenOf(unit.Id).Where(u => u.IsActive && Offered(u.Kind, withGrids)).OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal))
            {
                Visit(child, depth + 1);
            }
        }

        if (top is not null)
        {
            Visit(top, 0);
        }

        return choices;
    }

    private static bool Offered(OrgUnitKind kind, bool withGrids) =>
        kind is OrgUnitKind.Street or OrgUnitKind.Community or OrgUnitKind.Department || (withGrids && kind == OrgUnitKind.Grid);
}
