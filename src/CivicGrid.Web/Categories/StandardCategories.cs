using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Categories;

/// <summary>
/// The standard category tree (StandardCategories.json, embedded): majors in the spirit of
/// GB/T 30428.2 for facilities (B…) and events (E…), plus social-governance majors (G…). It is
/// reference data every installation needs, so it is planted whether or not demo data is.
/// </summary>
/// <remarks>
/// Ids are fixed in the file: 1–13 are the flat categories the platform started with, so a
/// database from before the tree keeps every event's category and gains the tree around it.
/// After editing the file, node scripts/categories/initials.js computes its pinyin initials with pinyin-pro.
/// </remarks>
public static class StandardCategories
{
    public sealed record Entry(
        int Id, string Code, string Name, string PlainName, string NameEn, List<string> Synonyms, string Initials,
        List<string>? Examples = null, Urgency DefaultUrgency = Urgency.Normal, bool WorkingTime = false, int HandleHours = 0,
        List<Entry>? Minors = null);

    private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly EventStep[] Steps = [EventStep.Accept, EventStep.Dispatch, EventStep.SignFor, EventStep.Handle, EventStep.Verify];

    /// <summary>The majors with their minors, as the file has them.</summary>
    public static IReadOnlyList<Entry> Load()
    {
        using var stream = typeof(StandardCategories).Assembly.GetManifestResourceStream(typeof(StandardCategories), "StandardCategories.json")
            ?? throw new InvalidOperationException("StandardCategories.json is not embedded.");
        return JsonSerializer.Deserialize<List<Entry>>(stream, FileFormat)!;
    }

    /// <summary>The catalogue as the file has it, without a database: for measuring suggestions against it.</summary>
    public static CategoryCatalogue Catalogue() =>
        new(Load().SelectMany(major => (major.Minors ?? []).Select(minor => View(minor, major.Id)).Prepend(View(major, null))), []);

    private static CategoryView View(Entry e, int? parentId) =>
        new(e.Id, e.Code, e.Name, e.PlainName, e.NameEn, IsActive: true, parentId, e.DefaultUrgency, e.WorkingTime, e.Synonyms, e.Examples ?? [], e.Initials);

    /// <summary>Plants the tree into an empty table, or around the flat categories of an older database; a tree already there is left alone.</summary>
    public static async Task SeedAsync(CivicGridDb db, CancellationToken ct)
    {
        if (await db.Categories.AnyAsync(c => c.ParentId != null, ct))
        {
            return;
        }

        var existing = await db.Categories.ToDictionaryAsync(c => c.Id, ct);
        foreach (var major in Load())
        {
            Plant(db, existing, major, parentId: null);
            foreach (var minor in major.Minors ?? [])
            {
                Plant(db, existing, minor, major.Id);
            }
        }

        // Majors are inserted before their minors in one save: EF orders the rows by the parent key.
        await db.SaveChangesAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // The ids were given, so the identity sequence never moved; the next category an administrator adds takes the next free id.
            const string restart = """SELECT setval(pg_get_serial_sequence('"Categories"', 'Id'), (SELECT MAX("Id") FROM "Categories"))""";
            await db.Database.ExecuteSqlRawAsync(restart, ct);
        }
    }

    private static void Plant(CivicGridDb db, Dictionary<int, Category> existing, Entry entry, int? parentId)
    {
        if (!existing.TryGetValue(entry.Id, out var category))
        {
            category = new Category { Id = entry.Id, Code = entry.Code, Name = entry.Name, PlainName = entry.PlainName, NameEn = entry.NameEn };
            category.Deadlines.AddRange(parentId is null ? [] : DeadlinesFor(entry.HandleHours));
            db.Categories.Add(category);
        }

        // An older flat category keeps its names and deadlines (someone may have chosen them) and gains its place in the tree.
        category.ParentId = parentId;
        category.Code = entry.Code;
        category.Synonyms = entry.Synonyms;
        category.Examples = entry.Examples ?? [];
        category.Initials = entry.Initials;
        category.DefaultUrgency = entry.DefaultUrgency;
        category.WorkingTime = entry.WorkingTime;
    }

    /// <summary>Handling takes the file's hours at normal urgency, half at urgent, a quarter at critical; the other steps take the platform's defaults.</summary>
    private static IEnumerable<CategoryDeadline> DeadlinesFor(int handleHours) =>
        from urgency in Enum.GetValues<Urgency>()
        from step in Steps
        select new CategoryDeadline
        {
            Step = step,
            Urgency = urgency,
            Minutes = step == EventStep.Handle ? handleHours * 60 / (1 << ((int)urgency - 1)) : Deadlines.Fallback(step, urgency),
        };
}
