using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Categories;

/// <param name="ParentId">The major category of a minor one; null for a major category.</param>
public sealed record CategoryView(int Id, string Code, string Name, string PlainName, string NameEn, bool IsActive, bool WorkingTime, int? ParentId);

/// <summary>
/// Every category with its deadline table, in memory as a reference snapshot: each report and
/// each transition asks for a deadline, and categories change a few times a year.
/// </summary>
public sealed class CategoryCatalogue(IEnumerable<CategoryView> categories, IEnumerable<CategoryDeadline> deadlines)
{
    private readonly Dictionary<int, CategoryView> _categories = categories.ToDictionary(c => c.Id);
    private readonly Dictionary<(int, EventStep, Urgency), int> _minutes =
        deadlines.ToDictionary(d => (d.CategoryId, d.Step, d.Urgency), d => d.Minutes);

    /// <summary>Active categories in code order, for pickers.</summary>
    public IReadOnlyList<CategoryView> Active => _categories.Values.Where(c => c.IsActive).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

    public CategoryView? Find(int? id) => id is { } key ? _categories.GetValueOrDefault(key) : null;

    /// <summary>The minutes the category allows for a step at an urgency, when its table says.</summary>
    public int? MinutesFor(int categoryId, EventStep step, Urgency urgency) =>
        _minutes.TryGetValue((categoryId, step, urgency), out var minutes) ? minutes : null;

    public static async Task<CategoryCatalogue> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CivicGridDb>();
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new CategoryView(c.Id, c.Code, c.Name, c.PlainName, c.NameEn, c.IsActive, c.WorkingTime, c.ParentId))
            .ToListAsync(ct);
        var deadlines = await db.CategoryDeadlines.AsNoTracking().ToListAsync(ct);
        return new CategoryCatalogue(categories, deadlines);
    }
}
