namespace CivicGrid.Web.Indicators;

/// <summary>
/// What a district's administrator decided about the indicators. A ranking of units is off until
/// the administrator turns it on (no row: off), because a ranking invites gaming the figures.
/// </summary>
public class IndicatorSettings
{
    public int DistrictId { get; set; }
    public bool RankingEnabled { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
}
