using Microsoft.AspNetCore.Http.Extensions;

namespace CivicGrid.Web.Infrastructure.Pages;

/// <summary>Previous/next links for a list page that keep the list's other query parameters.</summary>
/// <remarks>
/// The links carry the number as <c>page</c>; a page model reads it with <c>[FromQuery(Name = "page")]</c>,
/// because <c>page</c> is also Razor Pages' own route value (the page's path), which a
/// <c>[BindProperty]</c> would read first and never get past page 1.
/// </remarks>
/// <param name="TotalIsLowerBound">The list was counted only so far (<see cref="Page{T}.TotalIsLowerBound"/>).</param>
public sealed record Pager(int PageNumber, int PageCount, int Total, bool TotalIsLowerBound, string? PreviousUrl, string? NextUrl)
{
    public static Pager Of<T>(Page<T> page, HttpRequest request)
    {
        var count = Math.Max(1, (page.Total + page.PageSize - 1) / page.PageSize);
        var more = page.PageNumber < count || (page.TotalIsLowerBound && page.Items.Count == page.PageSize);
        return new Pager(
            page.PageNumber,
            count,
            page.Total,
            page.TotalIsLowerBound,
            page.PageNumber > 1 ? UrlFor(request, page.PageNumber - 1) : null,
            more ? UrlFor(request, page.PageNumber + 1) : null);
    }

    private static string UrlFor(HttpRequest request, int number)
    {
        var query = new QueryBuilder(request.Query.Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))))
        {
            { "page", number.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }
}
