using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Categories;

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/categories").WithTags("Categories").RequireStaffApi();
        api.MapGet("/", ListAsync).WithSummary("Active categories, plain-language name first");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CategoryView>>> ListAsync(ReferenceSnapshot<CategoryCatalogue> catalogue, CancellationToken ct) =>
        TypedResults.Ok((await catalogue.GetAsync(ct)).Active);
}
