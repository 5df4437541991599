using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Indicators;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Tests.Indicators;

public static class IndicatorsClient
{
    public static Task<HttpResponseMessage> TryIndicatorsAsync(this HttpClient client, string query = "") =>
        client.GetAsync($"/api/v1/indicators?{query}");

    public static async Task<IndicatorReport> IndicatorsAsync(this HttpClient client, string query = "") =>
        await (await client.TryIndicatorsAsync(query)).ShouldBe<IndicatorReport>(HttpStatusCode.OK);

    /// <summary>Every event behind one number, all pages of it.</summary>
    public static async Task<List<IndicatorEvent>> DrillAsync(this HttpClient client, string query)
    {
        var events = new List<IndicatorEvent>();
        for (var page = 1; ; page++)
        {
            var found = await (await client.GetAsync($"/api/v1/indicators/events?{query}&page={page}&pageSize={PageRequest.MaxPageSize}")).ShouldBe<Page<IndicatorEvent>>(HttpStatusCode.OK);
            events.AddRange(found.Items);
            if (events.Count >= found.Total)
            {
                Assert.Equal(found.Total, events.Count);
                return events;
            }
        }
    }

    /// <summary>The number a report shows for an indicator.</summary>
    public static int CountOf(this IndicatorFigures figures, Indicator indicator) =>
        (int)typeof(IndicatorFigures).GetProperty(indicator.ToString())!.GetValue(figures)!;
}
