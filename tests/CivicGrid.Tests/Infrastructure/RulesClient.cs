using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Dispatch.Rules;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What rule managers do through the API, said in the domain's words.</summary>
public static class RulesClient
{
    public static object Rule(int categoryId, int areaId, int lead, int[]? assists = null, string mode = "Automatic", string? note = null) =>
        new { categoryId, areaId, leadDepartmentId = lead, assistDepartmentIds = assists ?? [], mode, note };

    public static Task<HttpResponseMessage> TryCreateRuleAsync(this HttpClient client, object rule) =>
        client.PostAsJsonAsync("/api/v1/admin/dispatch-rules", rule);

    public static async Task<DispatchRuleRow> CreateRuleAsync(this HttpClient client, object rule) =>
        await (await client.TryCreateRuleAsync(rule)).ShouldBe<DispatchRuleRow>(HttpStatusCode.Created);

    public static async Task<List<DispatchRuleRow>> RulesAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/admin/dispatch-rules")).ShouldBe<List<DispatchRuleRow>>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryDryRunAsync(this HttpClient client, int categoryId, int? placeId = null, Spot? at = null, int? centreId = null) =>
        client.GetAsync("/api/v1/dispatch-rules/dry-run?" + string.Join("&", new[]
        {
            $"categoryId={categoryId}",
            placeId is null ? null : $"placeId={placeId}",
            at is null ? null : FormattableString.Invariant($"latitude={at.Latitude}&longitude={at.Longitude}"),
            centreId is null ? null : $"centreId={centreId}",
        }.Where(p => p is not null)));

    public static async Task<DryRunResult> DryRunAsync(this HttpClient client, int categoryId, int? placeId = null, Spot? at = null, int? centreId = null) =>
        await (await client.TryDryRunAsync(categoryId, placeId, at, centreId)).ShouldBe<DryRunResult>(HttpStatusCode.OK);
}
