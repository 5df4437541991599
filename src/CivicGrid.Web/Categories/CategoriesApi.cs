using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Categories;

public sealed record CategoryView(int Id, string Code, string Name, string PlainName, string NameEn);

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/categories").WithTags("Categories").RequireStaffApi();
        api.MapGet("/", ListAsync).WithSummary("Active categories, plain-language name first");
        return api;
    }

    public static Task<List<CategoryView>> ActiveAsync(CivicGridDb db, CancellationToken ct) =>
        db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
            .Select(c => new CategoryView(c.Id, c.Code, c.Name, c.PlainName, c.NameEn)).ToListAsync(ct);

    private static async Task<Ok<List<CategoryView>>> ListAsync(CivicGridDb db, CancellationToken ct) =>
        TypedResults.Ok(await ActiveAsync(db, ct));
}
