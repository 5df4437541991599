using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Supervision;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>Supervision through the API, and the overdue sweep run by hand as an instance's background service would.</summary>
public static class SupervisionClient
{
    /// <summary>One sweep on this host, in a scope of its own like the background service's.</summary>
    public static async Task<OverdueSweep.Result> SweepAsync(this WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueSweep>().RunAsync(CancellationToken.None);
    }

    public static Task<HttpResponseMessage> TryIssueAsync(this HttpClient client, long eventId, string? note, DateTimeOffset? deadline) =>
        client.PostAsJsonAsync($"/api/v1/events/{eventId}/supervision-orders", new { note, deadline });

    public static async Task<SupervisionOrderView> IssueAsync(this HttpClient client, long eventId, string note, DateTimeOffset deadline) =>
        await (await client.TryIssueAsync(eventId, note, deadline)).ShouldBe<SupervisionOrderView>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> TryReplyAsync(this HttpClient client, long orderId, string? note) =>
        client.PostAsJsonAsync($"/api/v1/supervision-orders/{orderId}/reply", new { note });

    public static async Task<SupervisionOrderView> ReplyAsync(this HttpClient client, long orderId, string note) =>
        await (await client.TryReplyAsync(orderId, note)).ShouldBe<SupervisionOrderView>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryConcludeAsync(this HttpClient client, long orderId, string? assessment) =>
        client.PostAsJsonAsync($"/api/v1/supervision-orders/{orderId}/conclude", new { assessment });

    public static async Task<SupervisionOrderView> ConcludeAsync(this HttpClient client, long orderId, string assessment) =>
        await (await client.TryConcludeAsync(orderId, assessment)).ShouldBe<SupervisionOrderView>(HttpStatusCode.OK);

    public static async Task<SupervisionPanel> OrdersOfAsync(this HttpClient client, long eventId) =>
        await (await client.GetAsync($"/api/v1/events/{eventId}/supervision-orders")).ShouldBe<SupervisionPanel>(HttpStatusCode.OK);

    public static async Task<List<SupervisionOrderView>> AwaitingMyReplyAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/supervision-orders/mine")).ShouldBe<List<SupervisionOrderView>>(HttpStatusCode.OK);

    public static async Task<List<OverdueNoticeView>> NoticesAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/supervision/notices")).ShouldBe<List<OverdueNoticeView>>(HttpStatusCode.OK);
}
