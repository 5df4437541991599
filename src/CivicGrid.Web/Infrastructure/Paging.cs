using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Infrastructure;

/// <summary>One page of a list, with the total so clients can show "page 2 of 9".</summary>
/// <param name="TotalIsLowerBound">The list was counted only so far: there are more than <paramref name="Total"/>.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, bool TotalIsLowerBound = false);

public sealed record PageRequest(int? Page, int? PageSize)
{
    public const int MaxPageSize = 100;

    public int Number => Math.Max(1, Page ?? 1);
    public int Size => Math.Clamp(PageSize ?? 20, 1, MaxPageSize);

    public int Offset => (Number - 1) * Size;
}

public static class Paging
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct) =>
        new(await ordered.ToItemsAsync(page, ct), page.Number, page.Size, await ordered.CountAsync(ct));

    /// <summary>Only the items of the page, for lists that count in their own way.</summary>
    public static async Task<List<T>> ToItemsAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct) =>
        await ordered.Skip(page.Offset).Take(page.Size).ToListAsync(ct);
}
