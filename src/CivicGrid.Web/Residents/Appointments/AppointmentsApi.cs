using CivicGrid.Web.Identity;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Residents.Appointments;

/// <summary>
/// Appointments with representatives: /api/v1/resident/appointments for residents (bearer token of
/// the residents' sign-in), /api/v1/appointments for the representative's own slots (staff token).
/// </summary>
public static class AppointmentsApi
{
    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder routes)
    {
        var residents = routes.MapGroup("/api/v1/resident/appointments").WithTags("Appointments").RequireAuthorization(ResidentAuth.ApiPolicy);
        residents.MapGet("/slots", FreeAsync).WithSummary("Free slots of the next 14 days, soonest first; of one community or street with unitId");
        residents.MapGet("/", MineAsync).WithSummary("My bookings, the latest slot first");
        residents.MapPost("/", BookAsync)
            .WithSummary("Book a free slot with the topic to raise; 409 when someone holds it, it has begun or it was withdrawn")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        residents.MapPost("/{id:long}/cancel", CancelAsync)
            .WithSummary("Cancel my booking before the slot begins; the slot is free again")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var staff = routes.MapGroup("/api/v1/appointments").WithTags("Appointments").RequireStaffApi();
        staff.MapGet("/slots", SlotsAsync).WithSummary("My slots, with the booking each holds (the resident's number masked)");
        staff.MapGet("/slots/{id:long}", SlotAsync).WithSummary("One of my slots").ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/slots", PublishAsync)
            .WithSummary("Publish a slot: start and end (UTC unless an offset is given), place, and the community or street it serves")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        staff.MapDelete("/slots/{id:long}", RemoveAsync)
            .WithSummary("Withdraw one of my future slots nobody has booked")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:long}/outcome", RecordAsync)
            .WithSummary("Record what the resident raised at the appointment")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/{id:long}/event", ToEventAsync)
            .WithSummary("Report what was raised as an event (I am the reporter) and link it to the booking")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<FreeSlot>>> FreeAsync(int? unitId, AppointmentBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.FreeAsync(unitId, ct));

    private static async Task<Ok<IReadOnlyList<MyAppointment>>> MineAsync(AppointmentBook book, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await book.MineAsync(await residents.RequireAsync(ct), ct));

    private static async Task<Created<MyAppointment>> BookAsync(BookRequest request, AppointmentBook book, ResidentAccessor residents, CancellationToken ct)
    {
        var booked = await book.BookAsync(await residents.RequireAsync(ct), request, ct);
        return TypedResults.Created($"/api/v1/resident/appointments/{booked.Id}", booked);
    }

    private static async Task<NoContent> CancelAsync(long id, AppointmentBook book, ResidentAccessor residents, CancellationToken ct)
    {
        await book.CancelAsync(await residents.RequireAsync(ct), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<MySlot>>> SlotsAsync(AppointmentBook book, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await book.SlotsAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<MySlot>> SlotAsync(long id, AppointmentBook book, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await book.SlotAsync(await callers.GetAsync(ct), id, ct));

    private static async Task<Created<MySlot>> PublishAsync(SlotRequest request, AppointmentBook book, CallerAccessor callers, CancellationToken ct)
    {
        var slot = await book.PublishAsync(await callers.GetAsync(ct), request, ct);
        return TypedResults.Created($"/api/v1/appointments/slots/{slot.Id}", slot);
    }

    private static async Task<NoContent> RemoveAsync(long id, AppointmentBook book, CallerAccessor callers, CancellationToken ct)
    {
        await book.RemoveAsync(await callers.GetAsync(ct), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MySlot>> RecordAsync(long id, OutcomeRequest request, AppointmentBook book, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await book.RecordAsync(await callers.GetAsync(ct), id, request, ct));

    private static async Task<Ok<MySlot>> ToEventAsync(long id, ToEventRequest request, AppointmentBook book, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await book.ToEventAsync(await callers.GetAsync(ct), id, request, ct));
}
