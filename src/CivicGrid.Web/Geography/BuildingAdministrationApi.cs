using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Geography;

/// <summary>Buildings of the administrator's own subtree; anything outside it is 404.</summary>
public static class BuildingAdministrationApi
{
    public static RouteGroupBuilder MapBuildingAdministrationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/admin/buildings").WithTags("Administration").RequireStaffApi().RequireAdministrator();
        api.MapPost("/", CreateAsync).WithSummary("Add a building (楼栋) with its units; its point decides its grid");
        api.MapPut("/{id:int}", UpdateAsync).WithSummary("Correct a building's name, address, point or units (units are added or renamed, never removed)");
        api.MapPost("/{id:int}/deactivate", DeactivateAsync).WithSummary("Take a building out of use: it is no longer offered in address search");
        api.MapPost("/{id:int}/reactivate", ReactivateAsync).WithSummary("Put a building back into use");
        return api;
    }

    private static async Task<Created<BuildingAdminRow>> CreateAsync(BuildingRequest request, BuildingAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var building = await admin.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/admin/buildings/{building.Id}", building);
    }

    private static async Task<Ok<BuildingAdminRow>> UpdateAsync(int id, BuildingRequest request, BuildingAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(id, request, await callers.GetAsync(ct), ct));

    private static async Task<Ok<BuildingAdminRow>> DeactivateAsync(int id, BuildingAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.SetActiveAsync(id, false, await callers.GetAsync(ct), ct));

    private static async Task<Ok<BuildingAdminRow>> ReactivateAsync(int id, BuildingAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.SetActiveAsync(id, true, await callers.GetAsync(ct), ct));
}
