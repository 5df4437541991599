namespace CivicGrid.Web.Indicators;

/// <summary>The "Indicators" section of the configuration.</summary>
public sealed class IndicatorOptions
{
    public const string Section = "Indicators";

    /// <summary>Fold the stored cells every minute (<see cref="Cells.CellCompactor"/>); tests fold when they say so.</summary>
    public bool FoldCellsInBackground { get; set; } = true;
}
