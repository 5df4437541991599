using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>One of a resident's reports in their list.</summary>
/// <param name="Following">Someone else reported it; this resident follows it (the same problem, joined instead of reported again).</param>
public sealed record MyReportItem(string Number, string Title, string Category, EventStatus Status, DateTime ReportedAt, bool MayRate, bool Following);

/// <summary>A resident's own report: what they sent, where it stands in plain words, the public steps and photos.</summary>
public sealed record MyReport(
    string Number,
    string Title,
    string Description,
    string Category,
    string Address,
    EventStatus Status,
    DateTime ReportedAt,
    DateTime? ClosedAt,
    Satisfaction? Satisfaction,
    string? Comment,
    bool MayRate,
    bool Following,
    IReadOnlyList<PublicStep> Steps,
    IReadOnlyList<Guid> BeforePhotos,
    IReadOnlyList<Guid> AfterPhotos,
    int Version);

/// <summary>
/// The reports a resident filed while signed in or followed, and nothing else: another resident's
/// report is "not found", the same answer as a number that does not exist. Only the reporter rates.
/// </summary>
public sealed class MyReports(CivicGridDb db, ReferenceSnapshot<CategoryCatalogue> catalogue)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<MyReportItem>> ListAsync(Resident resident, CancellationToken ct)
    {
        var categories = await catalogue.GetAsync(ct);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.ResidentId == resident.Id || e.CoReporters.Any(c => c.UserId == resident.Id))
            .OrderByDescending(e => e.ReportedAt).ThenByDescending(e => e.Id)
            .Take(PageSize)
            .Select(e => new { e.Number, e.Title, e.CategoryId, e.Status, e.ReportedAt, Own = e.ResidentId == resident.Id })
            .ToListAsync(ct);
        return rows.Select(e => new MyReportItem(e.Number, e.Title, PlainName(categories, e.CategoryId), e.Status, e.ReportedAt, e.Own && MayRate(e.Status), !e.Own)).ToList();
    }

    public async Task<MyReport> GetAsync(Resident resident, string number, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().AsSplitQuery()
            .Include(x => x.Timeline)
            .Include(x => x.Attachments)
            .SingleOrDefaultAsync(x => x.Number == number && (x.ResidentId == resident.Id || x.CoReporters.Any(c => c.UserId == resident.Id)), ct)
            ?? throw DomainException.NotFound();
        var own = e.ResidentId == resident.Id;
        var mergedInto = e.MergedIntoId is { } id ? await db.Events.Where(x => x.Id == id).Select(x => x.Number).SingleOrDefaultAsync(ct) : null;
        var categories = await catalogue.GetAsync(ct);
        return new MyReport(
            e.Number,
            e.Title,
            e.Description,
            PlainName(categories, e.CategoryId),
            e.Address,
            e.Status,
            e.ReportedAt,
            e.ClosedAt,
            e.Satisfaction,
            e.EvaluationComment,
            own && MayRate(e.Status),
            !own,
            PublicTimeline.Of(e.Timeline, mergedInto),
            Photos(e, AttachmentStage.Before),
            Photos(e, AttachmentStage.After),
            e.Version);
    }

    /// <summary>The photo, when it belongs to one of the resident's reports; null otherwise.</summary>
    public Task<Attachment?> PhotoAsync(Resident resident, Guid photoId, CancellationToken ct) =>
        db.Attachments.AsNoTracking()
            .Where(a => a.Id == photoId && db.Events.Any(e => e.Id == a.EventId && (e.ResidentId == resident.Id || e.CoReporters.Any(c => c.UserId == resident.Id))))
            .SingleOrDefaultAsync(ct);

    /// <summary>Rating follows the state machine's own rule: a closed event is evaluated once.</summary>
    public static bool MayRate(EventStatus status) => EventWorkflow.For(EventAction.Evaluate).From.Contains(status);

    private static IReadOnlyList<Guid> Photos(Event e, AttachmentStage stage) =>
        e.Attachments.Where(a => a.Stage == stage).OrderBy(a => a.UploadedAt).Select(a => a.Id).ToList();

    private static string PlainName(CategoryCatalogue categories, int id) =>
        categories.Find(id) is { } c ? (System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? c.NameEn : c.PlainName) : string.Empty;
}
