using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Residents.Accounts;
using CivicGrid.Web.Residents.Reports;
using CivicGrid.Web.Residents.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Web.Residents;

/// <summary>
/// The residents' API (/api/v1/resident) for a mini program or another client: sign in by SMS code,
/// report (signed in or anonymous), follow and rate one's own reports.
/// </summary>
public static class ResidentsApi
{
    public static RouteGroupBuilder MapResidentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/resident").WithTags("Residents");

        api.MapPost("/sign-in/code", SendCodeAsync).WithSummary("Send a one-time sign-in code to a mobile number by SMS").AllowAnonymous();
        api.MapPost("/sign-in", SignInAsync).WithSummary("Sign in with the code; the answer is a bearer token").AllowAnonymous();
        api.MapPost("/reports", ReportAsync)
            .WithSummary("Report a problem (随手拍), with photos; anonymous unless a resident token is sent")
            .AllowAnonymous()
            .DisableAntiforgery();

        api.MapGet("/nearby", NearbyAsync)
            .WithSummary("Open reports of the same category near a place: the same problem may already be reported")
            .AllowAnonymous();

        // Anonymous to the endpoint filter: the page's cookie and an API client's token both reach the accessor.
        api.MapGet("/photos/{id:guid}", PhotoAsync)
            .WithSummary("A photo of one of my reports, upright, phone-sized, with no EXIF, GPS or other metadata")
            .AllowAnonymous();

        var mine = api.MapGroup("/reports").RequireAuthorization(ResidentAuth.ApiPolicy);
        mine.MapGet("/mine", ListAsync).WithSummary("My reports, newest first");
        mine.MapGet("/mine/{number}", DetailAsync).WithSummary("One of my reports: status, public timeline (notes only where staff made them public; action null for such a note on an internal step), photos");
        mine.MapPost("/{number}/follow", FollowAsync).WithSummary("Follow an open report of the same problem instead of reporting it again; it joins my reports");
        mine.MapPost("/mine/{number}/rating", RateAsync).WithSummary("Rate a closed report (满意/基本满意/不满意); unsatisfied asks the centre to review it");
        return api;
    }

    public sealed record CodeRequest(string? Phone);

    public sealed record SignInRequest(string? Phone, string? Code);

    /// <summary>A report as the form sends it: the fields of <see cref="ResidentReportRequest"/>, each optional to the binder so the service says what is missing.</summary>
    public sealed class ReportForm
    {
        public string? Description { get; init; }
        public int? CategoryId { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public string? Address { get; init; }
        public string? PlaceCode { get; init; }
        public string? ContactPhone { get; init; }
    }

    public sealed record ReportReceipt(string Number, EventStatus Status, bool HeldForReview);

    private static async Task<Ok<CodeSent>> SendCodeAsync(CodeRequest request, SignInCodes codes, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await codes.SendAsync(request.Phone, http.Connection.RemoteIpAddress?.ToString(), ct));

    private static async Task<IResult> SignInAsync(SignInRequest request, SignInCodes codes, CancellationToken ct) =>
        ResidentAuth.SignInApi(await codes.VerifyAsync(request.Phone, request.Code, ct));

    private static async Task<Created<ReportReceipt>> ReportAsync(
        [FromForm] ReportForm form, IFormFileCollection? photos, ResidentReporting reporting, ResidentAccessor residents, HttpContext http, CancellationToken ct)
    {
        var request = new ResidentReportRequest(form.Description, form.CategoryId, form.Latitude, form.Longitude, form.Address, form.PlaceCode, form.ContactPhone);
        var uploads = (photos ?? (IReadOnlyList<IFormFile>)[]).Select(Upload.From).ToList();
        var e = await reporting.ReportAsync(request, uploads, await residents.FindAsync(ct), http.Connection.RemoteIpAddress?.ToString(), ct);
        return TypedResults.Created($"/api/v1/resident/reports/mine/{e.Number}", new ReportReceipt(e.Number, e.Status, e.Timeline[0].Note is not null));
    }

    private static async Task<Ok<IReadOnlyList<MyReportItem>>> ListAsync(MyReports reports, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await reports.ListAsync(await residents.RequireAsync(ct), ct));

    private static async Task<Ok<MyReport>> DetailAsync(string number, MyReports reports, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await reports.GetAsync(await residents.RequireAsync(ct), number, ct));

    private static async Task<Results<FileStreamHttpResult, NotFound>> PhotoAsync(
        Guid id, MyReports reports, PublicPhotos photos, ResidentAccessor residents, HttpContext http, CancellationToken ct)
    {
        var attachment = await reports.PhotoAsync(await residents.RequireAsync(ct), id, ct);
        if (attachment is null || await photos.OpenAsync(attachment, ct) is not { } copy)
        {
            return TypedResults.NotFound();
        }

        // A photo never changes once taken; only this resident may see it, so no shared cache keeps it.
        http.Response.Headers.CacheControl = "private, max-age=86400";
        return TypedResults.Stream(copy.Content, copy.ContentType);
    }

    private static async Task<Ok<IReadOnlyList<NearbyReport>>> NearbyAsync(double? latitude, double? longitude, int? categoryId, SameProblem same, CancellationToken ct) =>
        TypedResults.Ok(await same.NearbyAsync(latitude, longitude, categoryId, ct));

    private static async Task<NoContent> FollowAsync(string number, SameProblem same, ResidentAccessor residents, CancellationToken ct)
    {
        await same.FollowAsync(await residents.RequireAsync(ct), number, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RateAsync(string number, RatingRequest request, ResidentRating rating, ResidentAccessor residents, CancellationToken ct)
    {
        await rating.RateAsync(await residents.RequireAsync(ct), number, request, ct);
        return TypedResults.NoContent();
    }
}
