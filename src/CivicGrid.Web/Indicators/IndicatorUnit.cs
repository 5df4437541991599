using System.Linq.Expressions;
using CivicGrid.Web.Events;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// The unit whose figures are counted: a place (its events by place path) or a department (the
/// events it led, and for "overdue now" those it holds).
/// </summary>
public sealed record IndicatorUnit(UnitInfo Unit)
{
    public bool IsDepartment => Unit.Kind == OrgUnitKind.Department;

    public Expression<Func<EventOutcome, bool>> Outcomes()
    {
        var path = Unit.Path;
        var id = Unit.Id;
        return IsDepartment ? o => o.LeadDepartmentId == id : o => o.PlacePath.StartsWith(path);
    }

    public Expression<Func<Event, bool>> HeldEvents()
    {
        var path = Unit.Path;
        var id = Unit.Id;
        return IsDepartment ? e => e.HolderUnitId == id : e => e.PlacePath.StartsWith(path);
    }

    /// <summary>The level a unit's figures are broken down by: a district by street, a street by community, a community by grid, a department by street.</summary>
    public Expression<Func<EventOutcome, int?>>? ChildPlace() => Unit.Kind switch
    {
        OrgUnitKind.District or OrgUnitKind.Department => o => o.StreetId,
        OrgUnitKind.Street => o => o.CommunityId,
        OrgUnitKind.Community => o => o.GridId,
        _ => null,
    };
}
