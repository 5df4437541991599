using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Residents.Callbacks;

namespace CivicGrid.Tests.Residents.Callbacks;

/// <summary>What the centre does with callbacks through the API.</summary>
public static class CallbacksClient
{
    public static async Task<IReadOnlyList<CallbackView>> DueCallbacksAsync(this HttpClient client) =>
        (await (await client.GetAsync("/api/v1/callbacks")).ShouldBe<Page<CallbackView>>(HttpStatusCode.OK)).Items;

    public static Task<HttpResponseMessage> TryRecordAsync(this HttpClient client, long id, object outcome) =>
        client.PostAsJsonAsync($"/api/v1/callbacks/{id}/outcome", outcome);

    public static async Task<CallbackView> RecordAsync(this HttpClient client, long id, string outcome, string? satisfaction = null, string? comment = null) =>
        await (await client.TryRecordAsync(id, new { outcome, satisfaction, comment })).ShouldBe<CallbackView>(HttpStatusCode.OK);
}
