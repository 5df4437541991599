using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using static CivicGrid.Web.Events.EventsApi;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What staff do through the API, said in the domain's words.</summary>
public static class EventsClient
{
    /// <summary>A report of an incident standing at <paramref name="at"/>; the platform finds its grid from there.</summary>
    public static object Report(Spot at, string title = "绿地私搭停车棚", string description = "居民反映老陈占用绿地私搭停车棚，劝说无果。", int categoryId = 1, string urgency = "Normal", string? source = null, int? buildingId = null) => new
    {
        title,
        description,
        categoryId,
        urgency,
        latitude = at.Latitude,
        longitude = at.Longitude,
        address = "毅阳社区 12 栋东侧绿地",
        source,
        buildingId,
    };

    public static async Task<EventDetail> ReportAsync(this HttpClient client, object report) =>
        await (await client.PostAsJsonAsync("/api/v1/events", report)).ShouldBe<EventDetail>(HttpStatusCode.Created);

    public static async Task<EventDetail> GetEventAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/events/{id}")).ShouldBe<EventDetail>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryAsync(this HttpClient client, long id, EventAction action, TransitionRequest request) =>
        client.PostAsJsonAsync($"/api/v1/events/{id}/{Slug(action)}", request, ResponseAssertions.Json);

    /// <summary>Takes an action on the event as the caller last saw it, and expects it to succeed.</summary>
    public static async Task<EventDetail> ActAsync(this HttpClient client, EventDetail seen, EventAction action, string? note = null, int? target = null, int[]? assists = null, Satisfaction? satisfaction = null, Guid[]? attachments = null, long? targetEvent = null, bool publicNote = false) =>
        await (await client.TryAsync(seen.Id, action, new TransitionRequest(seen.Version, note, target, assists, satisfaction, attachments, targetEvent, PublicNote: publicNote))).ShouldBe<EventDetail>(HttpStatusCode.OK);

    public static async Task<List<Guid>> UploadAsync(this HttpClient client, long id, string stage, params (string Name, byte[] Bytes)[] files) =>
        (await client.UploadPhotosAsync(id, stage, files)).Select(a => a.Id).ToList();

    /// <summary>Uploads and returns the attachments as the uploader is shown them.</summary>
    public static async Task<List<AttachmentView>> UploadPhotosAsync(this HttpClient client, long id, string stage, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(stage), "stage" } };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        return await (await client.PostAsync($"/api/v1/events/{id}/attachments", form)).ShouldBe<List<AttachmentView>>(HttpStatusCode.Created);
    }
}
