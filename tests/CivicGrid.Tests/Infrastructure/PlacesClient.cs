using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Geography;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What staff do with the QR codes of grids and buildings through the API, said in the domain's words.</summary>
public static class PlacesClient
{
    public static Task<HttpResponseMessage> TryIssueCodeAsync(this HttpClient client, PlaceCodeKind kind, int targetId) =>
        client.PostAsJsonAsync("/api/v1/place-codes", new { kind = kind.ToString(), targetId });

    /// <summary>The place's code in service, issued now (201) or already (200).</summary>
    public static async Task<PlaceCodeView> CodeOfAsync(this HttpClient client, PlaceCodeKind kind, int targetId)
    {
        var response = await client.TryIssueCodeAsync(kind, targetId);
        return await response.ShouldBe<PlaceCodeView>(response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> TryCodesOfAsync(this HttpClient client, PlaceCodeKind kind, int targetId) =>
        client.GetAsync($"/api/v1/place-codes?{(kind == PlaceCodeKind.Grid ? "grid" : "building")}={targetId}");

    public static Task<HttpResponseMessage> TryRevokeCodeAsync(this HttpClient client, string token) =>
        client.PostAsync($"/api/v1/place-codes/{token}/revoke", null);

    /// <summary>Revokes the code and returns the one printed in its place.</summary>
    public static async Task<PlaceCodeView> RevokeCodeAsync(this HttpClient client, string token) =>
        await (await client.TryRevokeCodeAsync(token)).ShouldBe<PlaceCodeView>(HttpStatusCode.OK);
}
