using System.Reflection;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// The counts of docs/indicators.md over some outcome rows, each property named after the
/// indicator it counts (the supervision ones after the outcome column they sum): what a
/// dashboard's cell returns (<see cref="Tally"/>) and what a month's stored cell keeps (<see cref="Cells.UnitCell"/>).
/// </summary>
public abstract class Counts
{
    /// <summary>Every count, in declaration order.</summary>
    public static readonly IReadOnlyList<PropertyInfo> Columns =
        typeof(Counts).GetProperties().Where(p => p.PropertyType == typeof(int)).OrderBy(p => p.MetadataToken).ToList();

    public int Received { get; set; }
    public int Accepted { get; set; }
    public int Closed { get; set; }
    public int ClosedOnTime { get; set; }
    public int SolvedOnSpot { get; set; }
    public int Dispatched { get; set; }
    public int Returned { get; set; }
    public int ReachedVerification { get; set; }
    public int Reworked { get; set; }
    public int Rated { get; set; }
    public int RatedSatisfied { get; set; }
    public int CallbacksReached { get; set; }
    public int CallbacksSatisfied { get; set; }
    public int Supervised { get; set; }
    public int SupervisionLate { get; set; }
    public int ClosedInPeriod { get; set; }
    public int SupervisionOrders { get; set; }
    public int SupervisionAnsweredOnTime { get; set; }
    public int SupervisionAnsweredLate { get; set; }
    public int SupervisionUnanswered { get; set; }
    public int SupervisionConcluded { get; set; }
}
