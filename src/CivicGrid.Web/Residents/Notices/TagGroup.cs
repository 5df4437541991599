using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>标签群组: a community's named group of residents (楼栋长, 志愿者, 党员), a notice's possible audience.</summary>
public class TagGroup
{
    public long Id { get; set; }
    /// <summary>An <see cref="OrgUnitKind.Community"/>.</summary>
    public int CommunityId { get; set; }
    public OrgUnit? Community { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<TagGroupMember> Members { get; set; } = [];
}

/// <summary>A resident in a tag group; staff added them by their full number and see it masked from then on.</summary>
public class TagGroupMember
{
    public long TagGroupId { get; set; }
    public Guid ResidentId { get; set; }
    public Resident? Resident { get; set; }
    public DateTime AddedAt { get; set; }
}
