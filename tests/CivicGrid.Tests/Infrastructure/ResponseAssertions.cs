using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit.Sdk;

namespace CivicGrid.Tests.Infrastructure;

public static class ResponseAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Asserts the status and, when it differs, shows the body so the failure explains itself.</summary>
    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new XunitException($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode} {response.StatusCode}:\n{body}");
        }
    }

    public static async Task<T> ShouldBe<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns it for further checks.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
