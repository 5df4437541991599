using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Categories;

/// <summary>One cell of a category's deadline table: minutes a step may take at an urgency.</summary>
public sealed record DeadlineCell(EventStep Step, Urgency Urgency, int? Minutes);

/// <summary>A category as the administrator edits it. A minor has <see cref="ParentId"/>, its major; a major has none.</summary>
public sealed record CategoryRequest(
    int? ParentId, string? Code, string? Name, string? PlainName, string? NameEn,
    List<string>? Synonyms = null, List<string>? Examples = null, string? Initials = null,
    Urgency? DefaultUrgency = null, bool WorkingTime = false, List<DeadlineCell>? Deadlines = null);

/// <summary>A category with everything the administrator may change, and whether events already use it.</summary>
public sealed record CategoryRow(
    int Id, int? ParentId, string Code, string Name, string PlainName, string NameEn,
    IReadOnlyList<string> Synonyms, IReadOnlyList<string> Examples, string Initials,
    Urgency DefaultUrgency, bool WorkingTime, bool IsActive, IReadOnlyList<DeadlineCell> Deadlines, bool InUse);

/// <summary>
/// Keeps the category tree: categories are added, edited and deactivated, never deleted (events
/// keep theirs). The tree is one for the whole platform, so only an administrator at its top
/// (the district) edits it.
/// </summary>
public sealed class CategoryAdmin(CivicGridDb db)
{
    public const string Policy = "CategoryAdministrator";
    public const int WordMaxLength = 30;
    public const int ExampleMaxLength = 100;
    public const int MaxWords = 40;
    public const int MaxExamples = 20;
    /// <summary>A year: longer than any real step, short enough to catch a slip of the keyboard.</summary>
    public const int MaxMinutes = 366 * 24 * 60;

    public static readonly EventStep[] Steps = [EventStep.Accept, EventStep.Dispatch, EventStep.SignFor, EventStep.Handle, EventStep.Verify];

    public static bool IsFor(Caller caller) => Administrators.IsFor(caller) && caller.UnitKind == OrgUnitKind.District;

    /// <summary>Majors in code order, each followed by its minors; inactive ones too.</summary>
    public async Task<IReadOnlyList<CategoryRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var categories = await db.Categories.AsNoTracking().Include(c => c.Deadlines).ToListAsync(ct);
        var used = (await db.Events.Select(e => e.CategoryId).Distinct().ToListAsync(ct)).ToHashSet();
        var minors = categories.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId);
        return categories.Where(c => c.ParentId is null).OrderBy(c => c.Code, StringComparer.Ordinal)
            .SelectMany(major => minors[major.Id].OrderBy(c => c.Code, StringComparer.Ordinal).Prepend(major))
            .Select(c => Row(c, used.Contains(c.Id)))
            .ToList();
    }

    public async Task<CategoryRow> GetAsync(int id, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        return Row(await FindAsync(id, ct), await db.Events.AnyAsync(e => e.CategoryId == id, ct));
    }

    public async Task<CategoryRow> CreateAsync(CategoryRequest request, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var parent = request.ParentId is { } parentId ? await db.Categories.SingleOrDefaultAsync(c => c.Id == parentId, ct) : null;
        var check = await CheckAsync(request, parent, existing: null, ct);
        check.Require(request.ParentId is null || parent is { ParentId: null, IsActive: true }, "parentId", "Admin.Category.UnknownParent");
        check.ThrowIfInvalid();

        var category = new Category { Code = "", Name = "", PlainName = "", NameEn = "", ParentId = parent?.Id };
        Apply(category, request);
        db.Categories.Add(category);
        await SaveAsync(ct);
        return Row(category, inUse: false);
    }

    public async Task<CategoryRow> UpdateAsync(int id, CategoryRequest request, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var category = await FindAsync(id, ct);
        var parent = category.ParentId is { } parentId ? await db.Categories.SingleAsync(c => c.Id == parentId, ct) : null;
        var check = await CheckAsync(request, parent, category, ct);
        check.Require(request.ParentId == category.ParentId, "parentId", "Admin.Category.LevelFixed");
        check.ThrowIfInvalid();

        Apply(category, request);
        await SaveAsync(ct);
        return Row(category, await db.Events.AnyAsync(e => e.CategoryId == id, ct));
    }

    /// <summary>A deactivated category is no longer offered; events that have it keep it. A major goes only when its minors have gone.</summary>
    public async Task<CategoryRow> DeactivateAsync(int id, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var category = await FindAsync(id, ct);
        if (await db.Categories.AnyAsync(c => c.ParentId == id && c.IsActive, ct))
        {
            throw DomainException.Conflict("Admin.Category.HasActiveMinors", category.PlainName);
        }

        category.IsActive = false;
        await SaveAsync(ct);
        return Row(category, await db.Events.AnyAsync(e => e.CategoryId == id, ct));
    }

    public async Task<CategoryRow> ReactivateAsync(int id, Caller caller, CancellationToken ct)
    {
        Authorise(caller);
        var category = await FindAsync(id, ct);
        if (category.ParentId is { } parentId && !await db.Categories.AnyAsync(c => c.Id == parentId && c.IsActive, ct))
        {
            throw DomainException.Conflict("Admin.Category.ParentInactive", category.PlainName);
        }

        category.IsActive = true;
        await SaveAsync(ct);
        return Row(category, await db.Events.AnyAsync(e => e.CategoryId == id, ct));
    }

    private static void Authorise(Caller caller)
    {
        Administrators.ScopeOf(caller);
        if (!IsFor(caller))
        {
            throw DomainException.Forbidden("Admin.Category.DistrictOnly");
        }
    }

    private async Task<Category> FindAsync(int id, CancellationToken ct) =>
        await db.Categories.Include(c => c.Deadlines).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound();

    private async Task<Validation> CheckAsync(CategoryRequest request, Category? parent, Category? existing, CancellationToken ct)
    {
        var code = request.Code?.Trim() ?? "";
        var check = new Validation()
            .Text(request.Code, "code", CategoryConfiguration.CodeMaxLength)
            .Text(request.Name, "name", CategoryConfiguration.NameMaxLength)
            .Text(request.PlainName, "plainName", CategoryConfiguration.NameMaxLength)
            .Text(request.NameEn, "nameEn", CategoryConfiguration.NameEnMaxLength)
            .Require(code.All(char.IsAsciiLetterOrDigit), "code", "Admin.Category.CodeFormat")
            .Require(request.DefaultUrgency is null || Enum.IsDefined(request.DefaultUrgency.Value), "defaultUrgency", "Validation.UnknownValue")
            .Text(request.Initials, "initials", CategoryConfiguration.InitialsMaxLength, required: false)
            .Require((request.Initials ?? "").All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == ' '), "initials", "Admin.Category.InitialsFormat");
        Words(check, request.Synonyms, "synonyms", WordMaxLength, MaxWords);
        Words(check, request.Examples, "examples", ExampleMaxLength, MaxExamples);

        if (parent is not null && code.Length > 0)
        {
            check.Require(code.Length > parent.Code.Length && code.StartsWith(parent.Code, StringComparison.Ordinal), "code", "Admin.Category.CodeUnderMajor");
        }

        if (existing is { ParentId: null } major && code.Length > 0 && code != major.Code)
        {
            var minorCodes = await db.Categories.Where(c => c.ParentId == major.Id).Select(c => c.Code).ToListAsync(ct);
            check.Require(minorCodes.All(c => c.Length > code.Length && c.StartsWith(code, StringComparison.Ordinal)), "code", "Admin.Category.MinorCodesDiffer");
        }

        if (code.Length > 0)
        {
            check.Require(!await db.Categories.AnyAsync(c => c.Code == code && c.Id != (existing == null ? 0 : existing.Id), ct), "code", "Admin.Category.CodeTaken");
        }

        // Events take minors only, so only minors have deadlines.
        var isMajor = existing is null ? request.ParentId is null : existing.ParentId is null;
        if (isMajor)
        {
            check.Require(request.Deadlines is null or [], "deadlines", "Admin.Category.MajorHasNoDeadlines");
        }
        else if (request.Deadlines is { } cells)
        {
            var complete = Steps.All(s => Enum.GetValues<Urgency>().All(u => cells.Count(c => c.Step == s && c.Urgency == u) == 1)) && cells.Count == Steps.Length * 3;
            check.Require(complete, "deadlines", "Admin.Category.DeadlinesIncomplete");
            check.Require(cells.All(c => c.Minutes is > 0 and <= MaxMinutes), "deadlines", "Admin.Category.MinutesRange");
        }

        return check;
    }

    private static void Words(Validation check, List<string>? words, string field, int maxLength, int maxCount)
    {
        var given = (words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
        check.Require(given.Count <= maxCount, field, "Admin.Category.TooMany");
        check.Require(given.All(w => w.Trim().Length <= maxLength), field, "Admin.Category.WordTooLong");
    }

    private static void Apply(Category category, CategoryRequest request)
    {
        category.Code = request.Code!.Trim();
        category.Name = request.Name!.Trim();
        category.PlainName = request.PlainName!.Trim();
        category.NameEn = request.NameEn!.Trim();
        category.Synonyms = Clean(request.Synonyms);
        category.Examples = Clean(request.Examples);
        category.Initials = string.Join(' ', (request.Initials ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct());
        category.DefaultUrgency = request.DefaultUrgency ?? Urgency.Normal;
        category.WorkingTime = request.WorkingTime;
        if (category.ParentId is null)
        {
            return;
        }

        var cells = request.Deadlines ?? (category.Deadlines.Count > 0
            ? null
            : [.. from s in Steps from u in Enum.GetValues<Urgency>() select new DeadlineCell(s, u, Deadlines.Fallback(s, u))]);
        foreach (var cell in cells ?? [])
        {
            var row = category.Deadlines.SingleOrDefault(d => d.Step == cell.Step && d.Urgency == cell.Urgency);
            if (row is null)
            {
                category.Deadlines.Add(row = new CategoryDeadline { Step = cell.Step, Urgency = cell.Urgency });
            }

            row.Minutes = cell.Minutes!.Value;
        }
    }

    private static List<string> Clean(List<string>? words) =>
        (words ?? []).Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList();

    /// <summary>The unique code index settles a race between two administrators; the loser hears it as a conflict.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Admin.Category.CodeTakenMeanwhile");
        }
    }

    private static CategoryRow Row(Category c, bool inUse) =>
        new(c.Id, c.ParentId, c.Code, c.Name, c.PlainName, c.NameEn, c.Synonyms, c.Examples, c.Initials, c.DefaultUrgency, c.WorkingTime, c.IsActive,
            c.Deadlines.OrderBy(d => d.Step).ThenBy(d => d.Urgency).Select(d => new DeadlineCell(d.Step, d.Urgency, d.Minutes)).ToList(), inUse);
}
