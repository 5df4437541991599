using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Indicators;

/// <summary>How each figure of the dashboard is counted, in the reader's language (docs/indicators.md in short).</summary>
[Authorize]
public sealed class DefinitionsModel : PageModel
{
    public static readonly IReadOnlyList<string> Figures =
    [
        "Period", "Exclusions", "Received", "Accepted", "Closed", "ClosureRate", "OnTimeRate", "SolvedOnSpot", "ReturnRate", "ReworkRate",
        "SatisfactionRate", "CallbackSatisfactionRate", "Supervised", "SupervisionLate", "Orders", "OverdueNow", "ClosedInPeriod", "StepTimes", "NoRanking",
    ];
}
