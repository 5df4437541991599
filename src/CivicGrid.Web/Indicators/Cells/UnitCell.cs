using CivicGrid.Web.Events;

namespace CivicGrid.Web.Indicators.Cells;

/// <summary>
/// The counts one unit's dashboard shows for the events of a cohort that fall in one week of one
/// month, one category, one source channel and one of the unit's child places. Saves append
/// differences (<see cref="CellLedger"/>) and <see cref="CellCompaction"/> folds them together, so
/// the figures are the sum of a key's rows, exact after every save (decision 0018).
/// </summary>
public class UnitCell : Counts
{
    public long Id { get; set; }
    /// <summary>A place (the events whose place path runs through it) or a department (the events it led).</summary>
    public int UnitId { get; set; }
    public Cohort Cohort { get; set; }
    /// <summary>The cohort's month (yyyyMM) of the events.</summary>
    public int Month { get; set; }
    /// <summary>The cohort's week (its Monday, yyyyMMdd); a week across two months has a cell in each.</summary>
    public int Week { get; set; }
    public int CategoryId { get; set; }
    public EventSource Source { get; set; }
    /// <summary>The unit's child place the events stand in (<see cref="IndicatorUnit.ChildPlace"/>); null for a grid, or outside every child.</summary>
    public int? PlaceId { get; set; }
}

/// <summary>
/// How many of one unit's events closed in a month spent about the same time in a step, and the
/// exact minutes they spent: enough for the exact average and a median to the minute below a day
/// and within 1 % above (<see cref="StepBuckets"/>).
/// </summary>
public class UnitStep
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    /// <summary>The month (yyyyMM) the events closed in.</summary>
    public int Month { get; set; }
    public EventStep Step { get; set; }
    public int Bucket { get; set; }
    public int Events { get; set; }
    public long Minutes { get; set; }
}

/// <summary>How many of one unit's events reported in a month stand in one square of the heat map (<see cref="IndicatorMap.Square"/>).</summary>
public class UnitSquare
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public int Month { get; set; }
    public int Latitude { get; set; }
    public int Longitude { get; set; }
    public int Events { get; set; }
}
