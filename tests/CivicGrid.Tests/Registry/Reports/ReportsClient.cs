using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Reports;

namespace CivicGrid.Tests.Registry.Reports;

public static class ReportsClient
{
    public static async Task<int> TemplateIdAsync(this HttpClient client, string name) =>
        (await (await client.GetAsync("/api/v1/registry/reports/templates")).ShouldBe<List<ReportTemplateView>>(HttpStatusCode.OK)).Single(t => t.Name == name).Id;

    public static Task<HttpResponseMessage> TryReportAsync(this HttpClient client, int templateId, int? unitId = null, string? date = null, string format = "")
    {
        var query = string.Join("&", new[] { unitId is null ? null : $"unitId={unitId}", date is null ? null : $"date={date}" }.OfType<string>());
        return client.GetAsync($"/api/v1/registry/reports/{templateId}{format}?{query}");
    }

    public static async Task<ReportTable> ReportAsync(this HttpClient client, string template, int? unitId = null, string? date = null) =>
        await (await client.TryReportAsync(await client.TemplateIdAsync(template), unitId, date)).ShouldBe<ReportTable>(HttpStatusCode.OK);

    /// <summary>The row's numbers, by its label; the 合计 row by "合计".</summary>
    public static IReadOnlyList<int> Row(this ReportTable table, string label) =>
        label == table.Total.Label ? table.Total.Values : table.Rows.Single(r => r.Label == label).Values;
}
