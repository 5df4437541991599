using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Registry.Administration;

/// <summary>Administration of the registry: care tags (district only), the access audit and department grants of the administrator's subtree.</summary>
public static class RegistryAdminApi
{
    public static RouteGroupBuilder MapRegistryAdminApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/registry/admin").WithTags("Registry administration").RequireStaffApi().RequireAdministrator();

        var tags = api.MapGroup("/care-tags");
        tags.MapGet("/", ListTagsAsync).WithSummary("Every care tag, retired ones too, in order, with how many persons carry each");
        tags.MapPost("/", CreateTagAsync).WithSummary("Add a care tag at the end of the list");
        tags.MapPut("/{id:int}", RenameTagAsync).WithSummary("Rename a care tag");
        tags.MapPut("/order", ReorderTagsAsync).WithSummary("Put the tags in a new order: every tag's id once");
        tags.MapPost("/{id:int}/retire", RetireTagAsync).WithSummary("Offer a tag no more; persons who carry it keep it");
        tags.MapPost("/{id:int}/reactivate", ReactivateTagAsync).WithSummary("Offer a retired tag again");

        api.MapGet("/accesses", ListAccessesAsync)
            .WithSummary("Unmaskings by staff of my subtree, newest first; ?from=&to= (Beijing days, inclusive), ?staffId=, ?page=&pageSize=");

        var grants = api.MapGroup("/grants");
        grants.MapGet("/", ListGrantsAsync).WithSummary("Registry grants to departments of my subtree, active ones first");
        grants.MapPost("/", CreateGrantAsync).WithSummary("Grant a department the registry of a street or community, for a purpose");
        grants.MapPost("/{id:long}/revoke", RevokeGrantAsync).WithSummary("Revoke a grant: the department no longer sees the place");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CareTagRow>>> ListTagsAsync(CareTagAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<Created<CareTagRow>> CreateTagAsync(CareTagRequest request, CareTagAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var tag = await admin.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/registry/admin/care-tags/{tag.Id}", tag);
    }

    private static async Task<Ok<CareTagRow>> RenameTagAsync(int id, CareTagRequest request, CareTagAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.RenameAsync(id, request, await callers.GetAsync(ct), ct));

    private static async Task<Ok<IReadOnlyList<CareTagRow>>> ReorderTagsAsync(CareTagOrder order, CareTagAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ReorderAsync(order, await callers.GetAsync(ct), ct));

    private static async Task<Ok<CareTagRow>> RetireTagAsync(int id, CareTagAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.RetireAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<CareTagRow>> ReactivateTagAsync(int id, CareTagAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ReactivateAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<Page<AccessRow>>> ListAccessesAsync(
        DateOnly? from, DateOnly? to, Guid? staffId, int? page, int? pageSize, AccessAudit audit, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await audit.ListAsync(new AccessQuery(from, to, staffId, page, pageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<IReadOnlyList<GrantRow>>> ListGrantsAsync(GrantAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<Created<GrantRow>> CreateGrantAsync(GrantRequest request, GrantAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var grant = await admin.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/registry/admin/grants/{grant.Id}", grant);
    }

    private static async Task<Ok<GrantRow>> RevokeGrantAsync(long id, GrantAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.RevokeAsync(id, await callers.GetAsync(ct), ct));
}
