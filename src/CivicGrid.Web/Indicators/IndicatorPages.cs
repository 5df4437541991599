using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators;

/// <summary>How every indicator page shows a refusal.</summary>
public static class IndicatorPages
{
    /// <summary>A refusal as a sentence for the page: the field messages themselves (e.g. "a period can be three years at most"), not "check the marked fields".</summary>
    public static string Explain(IStringLocalizer text, DomainException refusal) =>
        refusal.FieldErrors.Count > 0
            ? string.Join(" ", refusal.FieldErrors.SelectMany(e => e.Value).Distinct().Select(key => text[key].Value))
            : text.Describe(refusal);
}
