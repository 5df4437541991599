using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Events.Duplicates;

public sealed class DuplicateOptions
{
    public const string Section = "Duplicates";

    /// <summary>Open events of the same category this close to a new report are offered to join.</summary>
    [Range(1, 5000)]
    public double RadiusMetres { get; set; } = 50;

    /// <summary>… if they were reported within this many days.</summary>
    [Range(1, 365)]
    public int Days { get; set; } = 7;
}
