using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Identity;

/// <summary>A staff account: one person, one role, one place in the hierarchy.</summary>
public class StaffUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public StaffRole Role { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>May see a person's full ID number or phone, each time with a stated reason that is audited.</summary>
    public bool MayUnmaskPersonalData { get; set; }
}
