using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Dispatch.Rules;

/// <summary>Dispatch rules of the caller's scope and the "who would get this?" dry run; rule managers only (<see cref="DispatchRuleManagers"/>).</summary>
public static class DispatchRulesApi
{
    public static RouteGroupBuilder MapDispatchRulesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Dispatch rules").RequireStaffApi().RequireRuleManager();

        var admin = api.MapGroup("/admin/dispatch-rules");
        admin.MapGet("/", ListAsync).WithSummary("The dispatch rules of my area: category × area → lead and assisting departments, automatic or suggested");
        admin.MapGet("/{id:int}", GetAsync).WithSummary("One dispatch rule");
        admin.MapPost("/", CreateAsync).WithSummary("Add a dispatch rule (refused while an active rule has the same category and area)");
        admin.MapPut("/{id:int}", UpdateAsync).WithSummary("Change a dispatch rule");
        admin.MapPost("/{id:int}/deactivate", DeactivateAsync).WithSummary("Take a rule out of service");
        admin.MapPost("/{id:int}/reactivate", ReactivateAsync).WithSummary("Put a rule back into service");

        api.MapGet("/dispatch-rules/dry-run", DryRunAsync).WithSummary("Who would get this? The rule that fires for a category at a place (unit or point), and why the others lost");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<DispatchRuleRow>>> ListAsync(DispatchRuleAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<DispatchRuleRow>> GetAsync(int id, DispatchRuleAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.GetAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Created<DispatchRuleRow>> CreateAsync(DispatchRuleRequest request, DispatchRuleAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var rule = await admin.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/admin/dispatch-rules/{rule.Id}", rule);
    }

    private static async Task<Ok<DispatchRuleRow>> UpdateAsync(int id, DispatchRuleRequest request, DispatchRuleAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(id, request, await callers.GetAsync(ct), ct));

    private static async Task<Ok<DispatchRuleRow>> DeactivateAsync(int id, DispatchRuleAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.SetActiveAsync(id, false, await callers.GetAsync(ct), ct));

    private static async Task<Ok<DispatchRuleRow>> ReactivateAsync(int id, DispatchRuleAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.SetActiveAsync(id, true, await callers.GetAsync(ct), ct));

    private static async Task<Ok<DryRunResult>> DryRunAsync([AsParameters] DryRunRequest request, DispatchRuleAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.DryRunAsync(request, await callers.GetAsync(ct), ct));
}
