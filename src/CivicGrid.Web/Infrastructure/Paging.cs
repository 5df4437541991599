using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Infrastructure;

/// <summary>One page of a list, with the total so clients can show "page 2 of 9".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public sealed record PageRequest(int? Page, int? PageSize)
{
    public const int MaxPageSize = 100;

    public int Number => Math.Max(1, Page ?? 1);
    public int Size => Math.Clamp(PageSize ?? 20, 1, MaxPageSize);
}

public static class Paging
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct) =>
        new(
            await ordered.Skip((page.Number - 1) * page.Size).Take(page.Size).ToListAsync(ct),
            page.Number,
            page.Size,
            await ordered.CountAsync(ct));
}
