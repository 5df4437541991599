using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Web.Geography;

namespace CivicGrid.Bench;

/// <summary>
/// The map query of issue 3: <see cref="Events"/> events planted in one window, all of them
/// asked for at once by a district dispatcher, who sees the whole district.
/// </summary>
public static class MapWindow
{
    public const int Events = 10_000;

    /// <summary>About 1 km × 1.1 km in the east of the district, clear of the default planting and of the reports the load sends.</summary>
    public static EventArea Area { get; } = new(24.515, 117.720, 24.525, 117.730, 1800);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Query { get; } = FormattableString.Invariant($"/api/v1/map/events?bbox={Area.West},{Area.South},{Area.East},{Area.North}");

    /// <summary>The window as the map page first asks for it: the last thirty days, one category.</summary>
    public static string FilteredQuery(DateOnly today) => FormattableString.Invariant($"{Query}&categoryId=1&from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

    /// <summary>Fails the run unless the window answers with every planted event: a capped or empty answer would measure something else.</summary>
    public static async Task CheckAsync(HttpClient client)
    {
        var answer = await client.GetFromJsonAsync<MapEvents>(Query, Json);
        if (answer is not { TooMany: false } || answer.Events.Count != Events)
        {
            throw new InvalidOperationException($"The map window answered {answer?.Events.Count} events (too many: {answer?.TooMany}), not the {Events} planted in it.");
        }
    }
}
