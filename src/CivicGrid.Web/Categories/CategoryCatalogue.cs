using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Categories;

/// <summary>A category as pickers, pages and other features read it. A major (大类) has no <see cref="ParentId"/>.</summary>
public sealed record CategoryView(
    int Id, string Code, string Name, string PlainName, string NameEn, bool IsActive,
    int? ParentId = null, Urgency DefaultUrgency = Urgency.Normal, bool WorkingTime = false,
    IReadOnlyList<string>? Synonyms = null, IReadOnlyList<string>? Examples = null, string Initials = "")
{
    public IReadOnlyList<string> Synonyms { get; init; } = Synonyms ?? [];
    public IReadOnlyList<string> Examples { get; init; } = Examples ?? [];
}

/// <summary>A major category with its minors: one group of a picker.</summary>
public sealed record CategoryGroup(CategoryView Major, IReadOnlyList<CategoryView> Minors);

/// <summary>
/// Every category with its deadline table, in memory as a reference snapshot: each report and
/// each transition asks for a deadline, each keystroke in a picker searches, and categories
/// change a few times a year. The suggestion index is built with it.
/// </summary>
public sealed class CategoryCatalogue
{
    private readonly Dictionary<int, CategoryView> _categories;
    private readonly Dictionary<(int, EventStep, Urgency), int> _minutes;

    public CategoryCatalogue(IEnumerable<CategoryView> categories, IEnumerable<CategoryDeadline> deadlines)
    {
        _categories = categories.ToDictionary(c => c.Id);
        _minutes = deadlines.ToDictionary(d => (d.CategoryId, d.Step, d.Urgency), d => d.Minutes);
        Active = _categories.Values.Where(c => c.IsActive).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var minors = Active.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId);
        Tree = Active.Where(c => c.ParentId is null && minors[c.Id].Any())
            .Select(major => new CategoryGroup(major, minors[major.Id].ToList()))
            .ToList();
        Suggestions = new CategorySuggester(Tree);
    }

    /// <summary>Active categories, majors and minors, in code order.</summary>
    public IReadOnlyList<CategoryView> Active { get; }

    /// <summary>Active majors that have active minors, each with them: what a picker offers, in code order.</summary>
    public IReadOnlyList<CategoryGroup> Tree { get; }

    public CategorySuggester Suggestions { get; }

    public CategoryView? Find(int? id) => id is { } key ? _categories.GetValueOrDefault(key) : null;

    /// <summary>An event may take an active minor category only: a major is a heading.</summary>
    public CategoryView? FindForEvent(int? id) => Find(id) is { IsActive: true, ParentId: { } parentId } minor && Find(parentId) is { IsActive: true } ? minor : null;

    /// <summary>The picker's search: groups whose minors match <paramref name="query"/> (see <see cref="CategoryMatching"/>), only those minors.</summary>
    public IReadOnlyList<CategoryGroup> Search(string? query)
    {
        var match = CategoryMatching.Parse(query);
        if (match is null)
        {
            return Tree;
        }

        return Tree
            .Select(g => match.Matches(g.Major) ? g : g with { Minors = g.Minors.Where(match.Matches).ToList() })
            .Where(g => g.Minors.Count > 0)
            .ToList();
    }

    /// <summary>The minutes the category allows for a step at an urgency, when its table says.</summary>
    public int? MinutesFor(int categoryId, EventStep step, Urgency urgency) =>
        _minutes.TryGetValue((categoryId, step, urgency), out var minutes) ? minutes : null;

    public static async Task<CategoryCatalogue> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CivicGridDb>();
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var deadlines = await db.CategoryDeadlines.AsNoTracking().ToListAsync(ct);
        return new CategoryCatalogue(categories.Select(View), deadlines);
    }

    public static CategoryView View(Category c) =>
        new(c.Id, c.Code, c.Name, c.PlainName, c.NameEn, c.IsActive, c.ParentId, c.DefaultUrgency, c.WorkingTime, c.Synonyms, c.Examples, c.Initials);
}
