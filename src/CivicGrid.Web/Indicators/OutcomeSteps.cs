using System.Linq.Expressions;
using CivicGrid.Web.Events;

namespace CivicGrid.Web.Indicators;

/// <summary>The steps whose times the dashboards show, each with the outcome column of its minutes (<see cref="EventStep.None"/>: the whole time).</summary>
public static class OutcomeSteps
{
    public static readonly IReadOnlyList<(EventStep Step, Expression<Func<EventOutcome, int?>> Minutes)> All =
    [
        (EventStep.Accept, o => o.AcceptMinutes),
        (EventStep.Dispatch, o => o.DispatchMinutes),
        (EventStep.SignFor, o => o.SignForMinutes),
        (EventStep.Handle, o => o.HandleMinutes),
        (EventStep.Verify, o => o.VerifyMinutes),
        (EventStep.None, o => o.TotalMinutes),
    ];
}
