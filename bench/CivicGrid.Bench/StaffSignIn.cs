using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicGrid.Web.Demo;

namespace CivicGrid.Bench;

/// <summary>A client signed in as a demo staff account with a Bearer token, as the benchmarks call the API.</summary>
internal static class StaffSignIn
{
    /// <summary>No client timeout: a benchmark waits for a slow answer and reports it rather than fail.</summary>
    public static async Task<HttpClient> AsAsync(string baseUrl, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Token>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record Token(string AccessToken);
}
