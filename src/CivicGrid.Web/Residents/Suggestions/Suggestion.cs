using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;

namespace CivicGrid.Web.Residents.Suggestions;

/// <summary>
/// 我有话说: a signed-in resident's message to a street, and the one reply of those who look after
/// it. Signed in only, so the reply has someone to reach.
/// </summary>
public class Suggestion
{
    public long Id { get; set; }
    public Guid ResidentId { get; set; }
    public Resident? Resident { get; set; }
    /// <summary>An <see cref="OrgUnitKind.Street"/>.</summary>
    public int StreetId { get; set; }
    public OrgUnit? Street { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? Reply { get; set; }
    public Guid? RepliedById { get; set; }
    public string? RepliedByName { get; set; }
    public string? RepliedByUnitName { get; set; }
    public DateTime? RepliedAt { get; set; }
}
