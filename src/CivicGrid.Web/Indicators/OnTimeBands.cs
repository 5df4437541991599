namespace CivicGrid.Web.Indicators;

/// <summary>A colour of the indicators map: the grids whose on-time closure rate is at least <see cref="Min"/>.</summary>
public sealed record OnTimeBand(double Min, string Colour);

/// <summary>
/// The bands the map colours grids by, best first, and the grey of a grid with no closed events
/// (no rate at all, which is not the same as a bad one). The legend and the script read the same list.
/// </summary>
public static class OnTimeBands
{
    public const string NoClosedColour = "#9e9e9e";

    public static readonly IReadOnlyList<OnTimeBand> All =
    [
        new(0.95, "#1b7f3b"),
        new(0.85, "#8bc34a"),
        new(0.70, "#f9a825"),
        new(0, "#c62828"),
    ];
}
