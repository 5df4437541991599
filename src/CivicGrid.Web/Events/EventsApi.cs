using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Events").RequireStaffApi();

        var events = api.MapGroup("/events");
        events.MapGet("/", SearchAsync).WithSummary("Search the events you can see");
        events.MapPost("/", ReportAsync).WithSummary("Report an event (上报)");
        events.MapPost("/solved-on-spot", SolveOnSpotAsync).WithSummary("Record a matter already solved on the spot (自行处置)");
        events.MapGet("/{id:long}", DetailAsync).WithSummary("An event with its timeline and the actions you may take");
        events.MapGet("/nearby", NearbyAsync).WithSummary("Open events of the same category near a position: possible duplicates of a report about to be filed");
        events.MapPost("/{id:long}/join", JoinAsync).WithSummary("Join an open event as a co-reporter (共同上报) instead of filing a duplicate");
        events.MapPost("/{id:long}/attachments", UploadAsync).WithSummary("Attach photos (JPEG, PNG, WebP, HEIC)").DisableAntiforgery();
        events.MapGet("/{id:long}/attachments/{attachmentId:guid}", DownloadAsync).WithSummary("Download an attachment");

        foreach (var transition in EventWorkflow.Transitions)
        {
            var action = transition.Action;
            events.MapPost($"/{{id:long}}/{Slug(action)}",
                    (long id, TransitionRequest request, EventTransitions transitions, EventQueries queries, CallerAccessor callers, CancellationToken ct) =>
                        TransitionAsync(id, action, request, transitions, queries, callers, ct))
                .WithName($"Event{action}")
                .WithSummary($"{action}: from {string.Join(", ", transition.From)}");
        }

        api.MapGet("/todo", TodoAsync).WithSummary("What waits on me or my unit, the nearest deadline first");
        api.MapGet("/done", DoneAsync).WithSummary("Events I have acted on, the latest first");
        api.MapGet("/todo/counts", CountsAsync).WithSummary("To-do, overdue, nearly due and done counts");
        return api;
    }

    /// <summary>The URL segment of an action: Accept → accept, SignFor → sign-for.</summary>
    public static string Slug(EventAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static async Task<Ok<Page<EventSummary>>> SearchAsync(
        [AsParameters] EventSearchQuery query, EventQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.SearchAsync(new EventFilter(query.Q, query.Status, query.CategoryId, query.Overdue), new PageRequest(query.Page, query.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Created<EventDetail>> ReportAsync(ReportRequest request, EventReporting reporting, EventQueries queries, CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var e = await reporting.ReportAsync(request, [], caller, ct);
        return TypedResults.Created($"/api/v1/events/{e.Id}", await queries.DetailOfAsync(e, caller, ct));
    }

    private static async Task<Created<EventDetail>> SolveOnSpotAsync(ReportRequest request, EventReporting reporting, EventQueries queries, CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var e = await reporting.SolveOnSpotAsync(request, [], [], caller, ct);
        return TypedResults.Created($"/api/v1/events/{e.Id}", await queries.DetailOfAsync(e, caller, ct));
    }

    private static async Task<Ok<IReadOnlyList<NearbyEvent>>> NearbyAsync(double? latitude, double? longitude, int? categoryId, NearbyEvents nearby, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await nearby.FindAsync(latitude, longitude, categoryId, await callers.GetAsync(ct), ct));

    private static async Task<Ok<EventDetail>> JoinAsync(long id, NearbyEvents nearby, EventQueries queries, CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        await nearby.JoinAsync(id, caller, ct);
        return TypedResults.Ok(await queries.DetailAsync(id, caller, ct));
    }

    private static async Task<Ok<EventDetail>> DetailAsync(long id, EventQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.DetailAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<EventDetail>> TransitionAsync(long id, EventAction action, TransitionRequest request, EventTransitions transitions, EventQueries queries, CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var e = await transitions.ApplyAsync(id, action, request, caller, ct);
        // Relocating an event into another area takes it out of the caller's sight: they get it as they left it.
        return TypedResults.Ok(await queries.IsVisibleAsync(id, caller, ct) ? await queries.DetailAsync(id, caller, ct) : await queries.DetailOfAsync(e, caller, ct));
    }

    private static async Task<Created<List<AttachmentView>>> UploadAsync(
        long id, [FromForm] AttachmentStage? stage, IFormFileCollection files, EventAttachments attachments, CallerAccessor callers, CancellationToken ct)
    {
        var added = await attachments.AddAsync(id, files.Select(Upload.From).ToList(), stage ?? AttachmentStage.After, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/events/{id}", added);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(long id, Guid attachmentId, EventAttachments attachments, CallerAccessor callers, CancellationToken ct)
    {
        var (attachment, content) = await attachments.OpenAsync(id, attachmentId, await callers.GetAsync(ct), ct);
        return TypedResults.Stream(content, attachment.ContentType, attachment.FileName);
    }

    private static async Task<Ok<Page<EventSummary>>> TodoAsync([AsParameters] PageQuery page, EventQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.TodoAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<Page<EventSummary>>> DoneAsync([AsParameters] PageQuery page, EventQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.DoneAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<WorkCounts>> CountsAsync(EventQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.CountsAsync(await callers.GetAsync(ct), ct));

    public sealed record PageQuery(int? Page, int? PageSize);

    public sealed record EventSearchQuery(string? Q, EventStatus? Status, int? CategoryId, bool? Overdue, int? Page, int? PageSize);
}
