using CivicGrid.Web.Registry.Persons;

namespace CivicGrid.Web.Registry.Housing;

/// <summary>
/// A person living in a household, from the day they moved in until the day they moved out. The
/// same <see cref="Person"/> may live in several places (tenant here, owner there); each is a
/// residence, never a copy of the person.
/// </summary>
public class Residence
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public long HouseholdId { get; set; }
    public Household? Household { get; set; }
    public HouseholdRelation Relation { get; set; }
    public ResidenceType Type { get; set; }
    public DateOnly? MovedInOn { get; set; }
    /// <summary>Null while the person lives here; a moved-out residence stays as history.</summary>
    public DateOnly? MovedOutOn { get; set; }
}

/// <summary>与户主关系.</summary>
public enum HouseholdRelation
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandparent = 5,
    Grandchild = 6,
    Sibling = 7,
    OtherRelative = 8,
    NotRelated = 9,
}

/// <summary>人口类型: 户籍人口, 流动人口, 租户 (出租屋人员).</summary>
public enum ResidenceType
{
    Registered = 1,
    Floating = 2,
    Tenant = 3,
}
