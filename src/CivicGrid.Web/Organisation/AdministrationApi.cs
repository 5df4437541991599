using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Organisation;

/// <summary>Units and accounts of the administrator's own subtree; anything outside it is 404.</summary>
public static class AdministrationApi
{
    public static RouteGroupBuilder MapAdministrationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/admin").WithTags("Administration").RequireStaffApi().RequireAdministrator();

        var units = api.MapGroup("/units");
        units.MapGet("/", ListUnitsAsync).WithSummary("The units of my subtree, in tree order");
        units.MapPost("/", CreateUnitAsync).WithSummary("Add a street, community, grid, centre or department");
        units.MapPut("/{id:int}", UpdateUnitAsync).WithSummary("Rename a unit or change its code");
        units.MapPost("/{id:int}/deactivate", DeactivateUnitAsync).WithSummary("Take a unit out of service (nothing active may remain beneath it)");
        units.MapPost("/{id:int}/reactivate", ReactivateUnitAsync).WithSummary("Put a unit back into service");

        var accounts = api.MapGroup("/accounts");
        accounts.MapGet("/", ListAccountsAsync).WithSummary("The staff accounts of my subtree");
        accounts.MapPost("/", CreateAccountAsync).WithSummary("Open a staff account");
        accounts.MapPut("/{id:guid}", UpdateAccountAsync).WithSummary("Change display name, role or unit");
        accounts.MapPost("/{id:guid}/password", ResetPasswordAsync).WithSummary("Set a new password");
        accounts.MapPost("/{id:guid}/disable", DisableAsync).WithSummary("Disable an account; its tokens stop working at once");
        accounts.MapPost("/{id:guid}/enable", EnableAsync).WithSummary("Enable a disabled account");
        accounts.MapPost("/{id:guid}/unlock", UnlockAsync).WithSummary("End a lockout after wrong passwords");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<UnitRow>>> ListUnitsAsync(OrganisationAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<Created<UnitRow>> CreateUnitAsync(UnitRequest request, OrganisationAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var unit = await admin.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/admin/units/{unit.Id}", unit);
    }

    private static async Task<Ok<UnitRow>> UpdateUnitAsync(int id, UnitEdit edit, OrganisationAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(id, edit, await callers.GetAsync(ct), ct));

    private static async Task<Ok<UnitRow>> DeactivateUnitAsync(int id, OrganisationAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.DeactivateAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<UnitRow>> ReactivateUnitAsync(int id, OrganisationAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ReactivateAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<IReadOnlyList<AccountRow>>> ListAccountsAsync(AccountAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<Created<AccountRow>> CreateAccountAsync(AccountRequest request, AccountAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var account = await admin.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/admin/accounts/{account.Id}", account);
    }

    private static async Task<Ok<AccountRow>> UpdateAccountAsync(Guid id, AccountEdit edit, AccountAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(id, edit, await callers.GetAsync(ct), ct));

    private static async Task<NoContent> ResetPasswordAsync(Guid id, PasswordRequest request, AccountAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        await admin.ResetPasswordAsync(id, request, await callers.GetAsync(ct), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AccountRow>> DisableAsync(Guid id, AccountAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.DisableAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<AccountRow>> EnableAsync(Guid id, AccountAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.EnableAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<AccountRow>> UnlockAsync(Guid id, AccountAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.UnlockAsync(id, await callers.GetAsync(ct), ct));
}
