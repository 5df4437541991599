using CivicGrid.Web.Identity;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Registry;

/// <summary>
/// 人口信息 under /api/v1/registry: a building's rooms and residents, registering and moving people,
/// a person's record, filling a form from a typed number, and the audited full number. ID numbers
/// and phones leave masked; every call is held to the caller's registry reach.
/// </summary>
public static class RegistryApi
{
    public static RouteGroupBuilder MapRegistryApi(this IEndpointRouteBuilder routes)
    {
        var registry = routes.MapGroup("/api/v1/registry").WithTags("Registry").RequireStaffApi();
        registry.MapGet("/buildings/{id:int}", BuildingAsync)
            .WithSummary("A building's rooms, households and residents (numbers masked) and its recent changes")
            .ProducesProblem(StatusCodes.Status404NotFound);
        registry.MapPost("/buildings/{id:int}/rooms", AddRoomAsync)
            .WithSummary("Add a room to a building, in one of its units")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        registry.MapPut("/rooms/{id:long}/use", ChangeRoomUseAsync)
            .WithSummary("Say what a room is used for: owner-occupied, rented (出租屋), vacant or a shop")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        registry.MapPost("/rooms/{id:long}/residents", RegisterAsync)
            .WithSummary("Register a person in a room; a known ID number joins the person's one record")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        registry.MapPost("/residences/{id:long}/move-out", MoveOutAsync)
            .WithSummary("A resident moved out on a day (today if none); the residence stays as history")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        registry.MapGet("/persons/lookup", LookupAsync)
            .WithSummary("What the registry knows for a typed ID number (anywhere) or phone (in my reach), to fill a form")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        registry.MapGet("/persons/{id:long}", PersonAsync)
            .WithSummary("A person in my reach: masked numbers, where they live, their history")
            .ProducesProblem(StatusCodes.Status404NotFound);
        registry.MapPut("/persons/{id:long}", UpdatePersonAsync)
            .WithSummary("Change a person's name, phone, registration place or care tags; the ID number identifies them and stays")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        registry.MapPost("/persons/{id:long}/unmask", UnmaskAsync)
            .WithSummary("The full ID number or phone, for staff allowed to see it, with a reason written to the access audit")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return registry;
    }

    public sealed record Created(long Id);

    public sealed record RoomUseRequest(RoomUse Use);

    public sealed record MoveOutRequest(DateOnly? MovedOutOn);

    public sealed record LookupQuery(string? IdNumber, string? Phone);

    public sealed record UnmaskRequest(PersonalField Field, string? Reason);

    public sealed record Unmasked(PersonalField Field, string Value);

    private static async Task<Ok<BuildingRegistryView>> BuildingAsync(int id, BuildingRegistry registry, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await registry.ForBuildingAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Created<Created>> AddRoomAsync(int id, RoomInput request, HousingDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        var room = await desk.AddRoomAsync(id, request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/registry/buildings/{id}", new Created(room));
    }

    private static async Task<NoContent> ChangeRoomUseAsync(long id, RoomUseRequest request, HousingDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        await desk.ChangeRoomUseAsync(id, request.Use, await callers.GetAsync(ct), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<Registered>> RegisterAsync(long id, ResidentInput request, HousingDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        var registered = await desk.RegisterAsync(id, request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/registry/persons/{registered.PersonId}", registered);
    }

    private static async Task<NoContent> MoveOutAsync(long id, MoveOutRequest request, HousingDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        await desk.MoveOutAsync(id, request.MovedOutOn, await callers.GetAsync(ct), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PersonPrefill>, NotFound>> LookupAsync([AsParameters] LookupQuery query, PersonDesk desk, CallerAccessor callers, CancellationToken ct) =>
        await desk.LookupAsync(query.IdNumber, query.Phone, await callers.GetAsync(ct), ct) is { } prefill
            ? TypedResults.Ok(prefill)
            : TypedResults.NotFound();

    private static async Task<Ok<PersonView>> PersonAsync(long id, PersonDetail detail, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await detail.ForAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<NoContent> UpdatePersonAsync(long id, PersonInput request, PersonDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        await desk.UpdateAsync(id, request, await callers.GetAsync(ct), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Unmasked>> UnmaskAsync(long id, UnmaskRequest request, PersonDesk desk, CallerAccessor callers, HttpContext http, CancellationToken ct)
    {
        var value = await desk.UnmaskAsync(id, request.Field, request.Reason, await callers.GetAsync(ct), ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new Unmasked(request.Field, value));
    }
}
