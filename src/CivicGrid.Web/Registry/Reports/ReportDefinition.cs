using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>What a report's rows are: one row per value of this dimension, or a single total row.</summary>
public enum ReportRows
{
    None = 0,
    Community = 1,
    Grid = 2,
    Building = 3,
    ResidenceType = 4,
    Sex = 5,
    AgeBand = 6,
    CareTag = 7,
    RoomUse = 8,
}

/// <summary>What a column counts: current residents (each person once per row), households with a current resident, or rooms.</summary>
public enum ReportCount
{
    Persons = 1,
    Households = 2,
    Rooms = 3,
}

/// <summary>
/// Conditions on who or what is counted; every condition given must hold (a list: any of its
/// values). Ages are whole years on the report's date.
/// </summary>
public sealed record ReportFilter(
    IReadOnlyList<ResidenceType>? ResidenceTypes = null,
    Sex? Sex = null,
    int? MinAge = null,
    int? MaxAge = null,
    IReadOnlyList<int>? CareTagIds = null,
    IReadOnlyList<RoomUse>? RoomUses = null)
{
    /// <summary>Conditions on persons, which a room or household meets through a current resident who meets them.</summary>
    [JsonIgnore]
    public bool IsAboutPersons => ResidenceTypes is { Count: > 0 } || Sex is not null || MinAge is not null || MaxAge is not null || CareTagIds is { Count: > 0 };
}

/// <summary>One column: its header as printed, what it counts and under which conditions of its own.</summary>
public sealed record ReportColumn(string? Header, ReportCount Count, ReportFilter? Filter = null);

/// <summary>A template's definition; <see cref="Filter"/> applies to every column.</summary>
public sealed record ReportDefinition(ReportRows Rows, IReadOnlyList<ReportColumn>? Columns, ReportFilter? Filter = null)
{
    public const int MaxColumns = 30;
    public const int HeaderMaxLength = 30;
    public const int MaxAgeLimit = 150;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<ReportDefinition>(json, Json) ?? throw new JsonException("A report definition is empty.");

    /// <summary>Adds everything wrong with the definition to <paramref name="validation"/>, each under the field it is about.</summary>
    public void Check(Validation validation, IReadOnlySet<int> careTagIds, string field = "definition")
    {
        validation.Require(Enum.IsDefined(Rows), $"{field}.rows", "Validation.UnknownValue");
        CheckFilter(validation, Filter, careTagIds, $"{field}.filter");
        if (Columns is not { Count: > 0 })
        {
            validation.Add($"{field}.columns", "Registry.Reports.NoColumns");
            return;
        }

        validation.Require(Columns.Count <= MaxColumns, $"{field}.columns", "Registry.Reports.TooManyColumns");
        var headers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            var at = $"{field}.columns[{i}]";
            if (column is null)
            {
                validation.Add(at, "Validation.Required");
                continue;
            }

            validation.Text(column.Header, $"{at}.header", HeaderMaxLength);
            if (!string.IsNullOrWhiteSpace(column.Header) && !headers.Add(column.Header.Trim()))
            {
                validation.Add($"{at}.header", "Registry.Reports.HeaderTwice");
            }

            validation.Require(Enum.IsDefined(column.Count), $"{at}.count", "Validation.UnknownValue");
            CheckFilter(validation, column.Filter, careTagIds, $"{at}.filter");
        }
    }

    private static void CheckFilter(Validation validation, ReportFilter? filter, IReadOnlySet<int> careTagIds, string at)
    {
        if (filter is null)
        {
            return;
        }

        validation
            .Require(filter.ResidenceTypes is null || filter.ResidenceTypes.All(Enum.IsDefined), $"{at}.residenceTypes", "Validation.UnknownValue")
            .Require(filter.Sex is null || Enum.IsDefined(filter.Sex.Value), $"{at}.sex", "Validation.UnknownValue")
            .Require(filter.MinAge is null or >= 0 and <= MaxAgeLimit, $"{at}.minAge", "Registry.Reports.AgeOutOfRange")
            .Require(filter.MaxAge is null or >= 0 and <= MaxAgeLimit, $"{at}.maxAge", "Registry.Reports.AgeOutOfRange")
            .Require(filter.MinAge is null || filter.MaxAge is null || filter.MinAge <= filter.MaxAge, $"{at}.maxAge", "Registry.Reports.AgesReversed")
            .Require(filter.CareTagIds is null || filter.CareTagIds.All(careTagIds.Contains), $"{at}.careTagIds", "Registry.Reports.UnknownCareTag")
            .Require(filter.RoomUses is null || filter.RoomUses.All(Enum.IsDefined), $"{at}.roomUses", "Validation.UnknownValue");
    }

    /// <summary>The definition as it is kept: headers trimmed, empty lists dropped.</summary>
    public ReportDefinition Normalised() => this with
    {
        Filter = Normalise(Filter),
        Columns = Columns?.Select(c => c with { Header = c.Header?.Trim(), Filter = Normalise(c.Filter) }).ToList(),
    };

    private static ReportFilter? Normalise(ReportFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var normal = new ReportFilter(
            filter.ResidenceTypes is { Count: > 0 } types ? types.Distinct().Order().ToList() : null,
            filter.Sex,
            filter.MinAge,
            filter.MaxAge,
            filter.CareTagIds is { Count: > 0 } tags ? tags.Distinct().Order().ToList() : null,
            filter.RoomUses is { Count: > 0 } uses ? uses.Distinct().Order().ToList() : null);
        return normal.IsAboutPersons || normal.RoomUses is not null ? normal : null;
    }
}
