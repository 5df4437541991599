using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Categories;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What staff and administrators do with categories through the API, in the domain's words.</summary>
public static class CategoriesClient
{
    public static async Task<List<CategoryGroup>> CategoryTreeAsync(this HttpClient client, string? q = null) =>
        await (await client.GetAsync(q is null ? "/api/v1/categories" : $"/api/v1/categories?q={Uri.EscapeDataString(q)}")).ShouldBe<List<CategoryGroup>>(HttpStatusCode.OK);

    public static async Task<List<SuggestionView>> SuggestAsync(this HttpClient client, string text) =>
        await (await client.PostAsJsonAsync("/api/v1/categories/suggestions", new { text })).ShouldBe<List<SuggestionView>>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryCreateCategoryAsync(this HttpClient client, object request) =>
        client.PostAsJsonAsync("/api/v1/admin/categories", request, ResponseAssertions.Json);

    public static async Task<CategoryRow> CreateCategoryAsync(this HttpClient client, object request) =>
        await (await client.TryCreateCategoryAsync(request)).ShouldBe<CategoryRow>(HttpStatusCode.Created);

    /// <summary>A request with every required field; tests override what they are about.</summary>
    public static CategoryRequest Category(string code, string plainName, int? parentId = null, string? name = null, List<string>? synonyms = null, List<DeadlineCell>? deadlines = null) =>
        new(parentId, code, name ?? plainName, plainName, $"Category {code}", synonyms ?? [], [], "", null, false, deadlines);
}
