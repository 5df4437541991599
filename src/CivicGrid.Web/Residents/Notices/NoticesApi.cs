using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>通知回执: staff send and follow notices under /api/v1/notices; residents read and answer them under /api/v1/resident/notices.</summary>
public static class NoticesApi
{
    public static IEndpointRouteBuilder MapNoticesApi(this IEndpointRouteBuilder routes)
    {
        var desk = routes.MapGroup("/api/v1/notices").WithTags("Residents").RequireStaffApi().RequireAuthorization(NoticeDesk.Policy);
        desk.MapGet("/", ListAsync).WithSummary("Notices to the residents of my place, newest first, each with its tally");
        desk.MapGet("/{id:long}", GetAsync)
            .WithSummary("One notice: the tally and its recipients, their numbers masked")
            .ProducesProblem(StatusCodes.Status404NotFound);
        desk.MapPost("/", SendAsync)
            .WithSummary("Send a notice to the residents whose home is in a grid or community of my place; each gets an SMS")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var groups = routes.MapGroup("/api/v1/tag-groups").WithTags("Residents").RequireStaffApi().RequireAuthorization(NoticeDesk.Policy);
        groups.MapGet("/", GroupsAsync).WithSummary("Tag groups (标签群组) of the communities of my place");
        groups.MapGet("/{id:long}", GroupAsync).WithSummary("One tag group, its members' numbers masked").ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPost("/", CreateGroupAsync)
            .WithSummary("Create a named group of a community's residents")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        groups.MapPost("/{id:long}/members", AddMemberAsync)
            .WithSummary("Add a resident by their full mobile number; they must have an account")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapDelete("/{id:long}/members/{residentId:guid}", RemoveMemberAsync)
            .WithSummary("Remove a member")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var mine = routes.MapGroup("/api/v1/resident/notices").WithTags("Residents").RequireAuthorization(ResidentAuth.ApiPolicy);
        mine.MapGet("/", MineAsync).WithSummary("Notices sent to me, unread first");
        mine.MapGet("/{id:long}", OpenAsync)
            .WithSummary("Open a notice sent to me; the first opening is my read receipt")
            .ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapPut("/{id:long}/answer", AnswerAsync)
            .WithSummary("Answer Attend or Decline; it may change until the meeting begins")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public sealed record PageQuery(int? Page, int? PageSize);

    private static async Task<Ok<Page<StaffNotice>>> ListAsync([AsParameters] PageQuery page, NoticeBoard board, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await board.ListAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<StaffNoticeDetail>> GetAsync(long id, NoticeBoard board, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await board.GetAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Created<StaffNoticeDetail>> SendAsync(NoticeRequest request, NoticeBoard board, CallerAccessor callers, CancellationToken ct)
    {
        var sent = await board.SendAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/notices/{sent.Id}", sent);
    }

    private static async Task<Ok<IReadOnlyList<TagGroupView>>> GroupsAsync(TagGroups groups, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await groups.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<TagGroupDetail>> GroupAsync(long id, TagGroups groups, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await groups.GetAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Created<TagGroupDetail>> CreateGroupAsync(TagGroupRequest request, TagGroups groups, CallerAccessor callers, CancellationToken ct)
    {
        var created = await groups.CreateAsync(request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/tag-groups/{created.Id}", created);
    }

    private static async Task<Ok<TagGroupDetail>> AddMemberAsync(long id, MemberRequest request, TagGroups groups, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await groups.AddAsync(id, request, await callers.GetAsync(ct), ct));

    private static async Task<Ok<TagGroupDetail>> RemoveMemberAsync(long id, Guid residentId, TagGroups groups, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await groups.RemoveAsync(id, residentId, await callers.GetAsync(ct), ct));

    private static async Task<Ok<IReadOnlyList<MyNotice>>> MineAsync(ResidentNotices notices, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await notices.MineAsync(await residents.RequireAsync(ct), ct));

    private static async Task<Ok<MyNotice>> OpenAsync(long id, ResidentNotices notices, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await notices.OpenAsync(await residents.RequireAsync(ct), id, ct));

    private static async Task<Ok<MyNotice>> AnswerAsync(long id, AnswerRequest request, ResidentNotices notices, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await notices.AnswerAsync(await residents.RequireAsync(ct), id, request, ct));
}
