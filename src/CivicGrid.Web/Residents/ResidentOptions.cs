using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Residents;

/// <summary>The residents' side (section "Residents"): how much one number or address may send.</summary>
public sealed class ResidentOptions
{
    public const string Section = "Residents";

    /// <summary>More reports than this from one number within an hour are held for the centre to review, never dropped.</summary>
    [Range(1, 1000)]
    public int FloodReportsPerHour { get; set; } = 5;

    /// <summary>Hard limit per client address on report submissions, against scripts; per instance (in memory).</summary>
    [Range(1, 100000)]
    public int ReportsPerAddressPerHour { get; set; } = 60;
}
