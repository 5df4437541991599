using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Supervision;

/// <summary>The overdue sweep: how often each instance looks, and how much it takes at a time.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>Off only where something else runs the sweep (the tests call it themselves).</summary>
    public bool SweepInBackground { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Events (and orders) read per query; each one is claimed and recorded in its own short transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
