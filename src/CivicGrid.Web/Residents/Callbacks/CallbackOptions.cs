using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Residents.Callbacks;

/// <summary>Callback sampling (回访抽样): how many closed events are called back, and how (docs/decisions/0013-callback-sampling.md).</summary>
public sealed class CallbackOptions
{
    public const string Section = "Residents:Callback";

    /// <summary>The share of reachable closed events that are called back: 0 none, 1 all.</summary>
    [Range(0.0, 1.0)]
    public double SampleShare { get; set; } = 0.3;

    /// <summary>
    /// The key of the sample. Whoever holds it can tell which events will be picked, so a deployment
    /// sets its own, keeps it from those who handle events, and publishes it afterwards so anyone can
    /// recompute the sample. The default is for development and the demo.
    /// </summary>
    [Required]
    [MinLength(1)]
    public string Seed { get; set; } = "civicgrid-callback-2026";

    /// <summary>Calls that find nobody before the callback is given up as not reached.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;
}
