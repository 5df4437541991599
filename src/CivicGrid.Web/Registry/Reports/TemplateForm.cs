using System.Globalization;
using System.Text.RegularExpressions;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// A template as the administrator's page posts it. Ages stay text, so a mistyped one is
/// answered in words and kept in its box; columns sit in slots, and a slot with neither a
/// header nor a condition is an unused one, not a column.
/// </summary>
public sealed class TemplateForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public ReportRows Rows { get; set; } = ReportRows.Community;
    public FilterForm Filter { get; set; } = new();
    public List<ColumnForm> Columns { get; set; } = [];

    public static TemplateForm From(ReportTemplateView template) => new()
    {
        Name = template.Name,
        Description = template.Description,
        Rows = template.Definition.Rows,
        Filter = FilterForm.From(template.Definition.Filter),
        Columns = (template.Definition.Columns ?? []).Select(ColumnForm.From).ToList(),
    };

    /// <summary>Every care tag the form names, so a retired one it still uses stays on offer.</summary>
    public IReadOnlyList<int> CareTagIds => Filter.CareTagIds.Concat(Columns.SelectMany(c => c.Filter.CareTagIds)).Distinct().ToList();

    /// <summary>The slots that hold a column: the request's column i is the form's slot UsedSlots[i].</summary>
    public IReadOnlyList<int> UsedSlots => Enumerable.Range(0, Columns.Count).Where(i => Columns[i] is { IsBlank: false }).ToList();

    /// <summary>
    /// The request the form stands for. Ages that are not whole numbers are refused here, under
    /// the fields the definition's own check uses.
    /// </summary>
    public ReportTemplateRequest ToRequest(bool isActive)
    {
        var typing = new Validation();
        var slots = UsedSlots;
        var columns = slots.Select((slot, i) => new ReportColumn(Columns[slot].Header, Columns[slot].Count, Columns[slot].Filter.ToFilter(typing, $"definition.columns[{i}].filter"))).ToList();
        var definition = new ReportDefinition(Rows, columns, Filter.ToFilter(typing, "definition.filter"));
        typing.ThrowIfInvalid();
        return new ReportTemplateRequest(Name, Description, definition, isActive);
    }
}

public sealed class FilterForm
{
    public List<ResidenceType> ResidenceTypes { get; set; } = [];
    public Sex? Sex { get; set; }
    public string? MinAge { get; set; }
    public string? MaxAge { get; set; }
    public List<int> CareTagIds { get; set; } = [];
    public List<RoomUse> RoomUses { get; set; } = [];

    public bool IsEmpty => ResidenceTypes.Count == 0 && Sex is null && string.IsNullOrWhiteSpace(MinAge) && string.IsNullOrWhiteSpace(MaxAge)
        && CareTagIds.Count == 0 && RoomUses.Count == 0;

    public static FilterForm From(ReportFilter? filter) => new()
    {
        ResidenceTypes = [.. filter?.ResidenceTypes ?? []],
        Sex = filter?.Sex,
        MinAge = filter?.MinAge?.ToString(CultureInfo.InvariantCulture),
        MaxAge = filter?.MaxAge?.ToString(CultureInfo.InvariantCulture),
        CareTagIds = [.. filter?.CareTagIds ?? []],
        RoomUses = [.. filter?.RoomUses ?? []],
    };

    public ReportFilter ToFilter(Validation typing, string at) =>
        new(ResidenceTypes, Sex, Age(MinAge, typing, $"{at}.minAge"), Age(MaxAge, typing, $"{at}.maxAge"), CareTagIds, RoomUses);

    private static int? Age(string? typed, Validation typing, string field)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age))
        {
            return age;
        }

        typing.Add(field, "Registry.Templates.AgeNotNumber");
        return null;
    }
}

public sealed class ColumnForm
{
    public string? Header { get; set; }
    public ReportCount Count { get; set; } = ReportCount.Persons;
    public FilterForm Filter { get; set; } = new();

    public bool IsBlank => string.IsNullOrWhiteSpace(Header) && Filter.IsEmpty;

    public static ColumnForm From(ReportColumn column) => new() { Header = column.Header, Count = column.Count, Filter = FilterForm.From(column.Filter) };
}

/// <summary>Where a field of the definition's check ("definition.columns[2].filter.maxAge") sits on the form.</summary>
public static partial class TemplateFormFields
{
    /// <summary>The input's name: "Form.Columns[3].Filter.MaxAge", the request's column 2 being the form's slot 3.</summary>
    public static string InputName(string field, IReadOnlyList<int> slots) =>
        string.Join('.', Segments(field).Select(s => s.Column is { } i ? $"Columns[{Slot(i, slots)}]" : Property(s.Name)).Prepend("Form"));

    /// <summary>The field as the administrator reads it, e.g. ["第3列", "最大年龄"]: keys and, for a column, its number on the form.</summary>
    public static IEnumerable<(string Key, int? Number)> Label(string field, IReadOnlyList<int> slots)
    {
        var segments = Segments(field).ToList();
        var inColumn = segments.Any(s => s.Column is not null);
        foreach (var (name, column) in segments)
        {
            if (column is { } i)
            {
                yield return ("Registry.Templates.ColumnNumber", Slot(i, slots) + 1);
            }
            else if (name == "filter")
            {
                if (!inColumn)
                {
                    yield return ("Registry.Templates.TemplateFilter", null);
                }
            }
            else
            {
                yield return ($"Registry.Templates.Field.{Property(name)}", null);
            }
        }
    }

    private static int Slot(int column, IReadOnlyList<int> slots) => column < slots.Count ? slots[column] : column;

    private static string Property(string name) => name.Length == 0 ? name : $"{char.ToUpperInvariant(name[0])}{name[1..]}";

    private static IEnumerable<(string Name, int? Column)> Segments(string field)
    {
        var parts = field.Split('.', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts.Length > 0 && parts[0] == "definition" ? parts[1..] : parts)
        {
            var column = ColumnSegment().Match(part);
            yield return column.Success ? ("columns", int.Parse(column.Groups[1].Value, CultureInfo.InvariantCulture)) : (part, null);
        }
    }

    [GeneratedRegex(@"^columns\[(\d+)\]$")]
    private static partial Regex ColumnSegment();
}
