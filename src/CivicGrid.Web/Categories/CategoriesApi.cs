using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Categories;

public sealed record SuggestionRequest(string? Text);

/// <summary>A suggested category, the major it sits under, and the words of the description that point to it.</summary>
public sealed record SuggestionView(
    int Id, string Code, string Name, string PlainName, string NameEn, Urgency DefaultUrgency,
    int MajorId, string MajorPlainName, string MajorNameEn, double Score, IReadOnlyList<string> Matched)
{
    public static SuggestionView From(CategorySuggestion s) =>
        new(s.Category.Id, s.Category.Code, s.Category.Name, s.Category.PlainName, s.Category.NameEn, s.Category.DefaultUrgency,
            s.Major.Id, s.Major.PlainName, s.Major.NameEn, s.Score, s.Matched);
}

public static class CategoriesApi
{
    /// <summary>A suggestion reads at most this much of a description: the first lines say what it is about.</summary>
    public const int SuggestionTextMaxLength = EventConfiguration.DescriptionMaxLength;

    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/categories").WithTags("Categories").RequireStaffApi();
        api.MapGet("/", List).WithSummary("The active category tree, majors with their minors; ?q= searches plain words, synonyms, examples and pinyin initials");
        api.MapPost("/suggestions", SuggestAsync).WithSummary("The three likely categories for a description, with the words that point to each");

        var admin = routes.MapGroup("/api/v1/admin/categories").WithTags("Administration").RequireStaffApi().RequireAdministrator();
        admin.MapGet("/", ListAllAsync).WithSummary("Every category, inactive ones too, majors each followed by their minors");
        admin.MapGet("/{id:int}", GetAsync).WithSummary("One category with its deadline table");
        admin.MapPost("/", CreateAsync).WithSummary("Add a major (no parentId) or a minor under a major");
        admin.MapPut("/{id:int}", UpdateAsync).WithSummary("Change names, synonyms, examples, initials, default urgency, working time and deadlines");
        admin.MapPost("/{id:int}/deactivate", DeactivateAsync).WithSummary("Stop offering a category (events keep it); a major only once its minors are deactivated");
        admin.MapPost("/{id:int}/reactivate", ReactivateAsync).WithSummary("Offer a category again");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CategoryGroup>>> List(string? q, ReferenceSnapshot<CategoryCatalogue> catalogue, CancellationToken ct) =>
        TypedResults.Ok((await catalogue.GetAsync(ct)).Search(q));

    private static async Task<Ok<IReadOnlyList<SuggestionView>>> SuggestAsync(SuggestionRequest request, ReferenceSnapshot<CategoryCatalogue> catalogue, CancellationToken ct)
    {
        new Validation().Text(request.Text, "text", SuggestionTextMaxLength, required: false).ThrowIfInvalid();
        var suggestions = (await catalogue.GetAsync(ct)).Suggestions.Suggest(request.Text);
        return TypedResults.Ok<IReadOnlyList<SuggestionView>>(suggestions.Select(SuggestionView.From).ToList());
    }

    private static async Task<Ok<IReadOnlyList<CategoryRow>>> ListAllAsync(CategoryAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<CategoryRow>> GetAsync(int id, CategoryAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.GetAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Created<CategoryRow>> CreateAsync(CategoryRequest request, CategoryAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var category = await admin.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/admin/categories/{category.Id}", category);
    }

    private static async Task<Ok<CategoryRow>> UpdateAsync(int id, CategoryRequest request, CategoryAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(id, request, await callers.GetAsync(ct), ct));

    private static async Task<Ok<CategoryRow>> DeactivateAsync(int id, CategoryAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.DeactivateAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<CategoryRow>> ReactivateAsync(int id, CategoryAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ReactivateAsync(id, await callers.GetAsync(ct), ct));
}
