using CivicGrid.Web.Organisation;
using CivicGrid.Web.Supervision;

namespace CivicGrid.Tests.Supervision;

/// <summary>Who is told when a holder lets a deadline pass: the level above it, or the centre that dispatched it.</summary>
public sealed class SupervisorsSpec
{
    private static readonly OrganisationTree Tree = new(
    [
        new UnitInfo(1, OrgUnitKind.District, "龙文区", "D", null, "/1/", true),
        new UnitInfo(2, OrgUnitKind.GovernanceCentre, "龙文区综治中心", "DC", 1, "/1/2/", true),
        new UnitInfo(3, OrgUnitKind.Street, "蓝田街道", "S", 1, "/1/3/", true),
        new UnitInfo(4, OrgUnitKind.GovernanceCentre, "蓝田街道综治中心", "SC", 3, "/1/3/4/", true),
        new UnitInfo(5, OrgUnitKind.Community, "毅阳社区", "C", 3, "/1/3/5/", true),
        new UnitInfo(6, OrgUnitKind.Grid, "第3网格", "G", 5, "/1/3/5/6/", true),
        new UnitInfo(7, OrgUnitKind.Department, "蓝田街道城管办", "SD", 3, "/1/3/7/", true),
        new UnitInfo(8, OrgUnitKind.Department, "区住建局", "DD", 1, "/1/8/", true),
    ]);

    [Theory]
    [InlineData(6, null, 5)] // grid → its community
    [InlineData(5, null, 4)] // community → its street's centre
    [InlineData(4, null, 2)] // street centre → district centre
    [InlineData(7, 2, 2)] // department → the centre that dispatched it, even the district's
    [InlineData(7, null, 4)] // department with no dispatcher on record → the centre of its place
    [InlineData(8, 2, 2)]
    public void The_supervisor_is_the_level_above_or_the_dispatching_centre(int holder, int? dispatchingCentre, int expected) =>
        Assert.Equal(expected, Supervisors.Of(Tree.Find(holder)!, dispatchingCentre, Tree)?.Id);

    [Fact]
    public void Nobody_stands_above_the_district_centre() =>
        Assert.Null(Supervisors.Of(Tree.Find(2)!, null, Tree));
}
