using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Events;

/// <summary>An event with its timeline, and one form for each action the workflow offers the caller.</summary>
[Authorize]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class DetailModel(
    EventQueries queries,
    EventTransitions transitions,
    EventAttachments attachments,
    OrganisationQueries organisation,
    NearbyEvents nearby,
    CallerAccessor callers,
    IStringLocalizer<Text> text) : PageModel
{
    // A batch of evidence photos; the attachment intake enforces the real per-file limits.
    private const long MaxUploadBytes = 100L * 1024 * 1024;

    /// <summary>Actions that report work done on site, where a photo is the usual evidence.</summary>
    public static readonly IReadOnlySet<EventAction> TakesEvidence = new HashSet<EventAction>
    {
        EventAction.Feedback, EventAction.AssistFeedback, EventAction.Close, EventAction.Verify, EventAction.Rework,
    };

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Evidence { get; set; } = [];

    /// <summary>Null when the event does not exist for the caller: the page says so with a 404.</summary>
    public EventDetail? Event { get; private set; }

    public IReadOnlyList<UnitOption> Departments { get; private set; } = [];

    /// <summary>Open events of the same kind nearby that the caller can see: where a duplicate may be merged.</summary>
    public IReadOnlyList<NearbyEvent> MergeCandidates { get; private set; } = [];

    /// <summary>The action whose form was refused, so its errors show beside it and nowhere else.</summary>
    public EventAction? RefusedAction { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, await callers.GetAsync(ct), ct);

    /// <summary>Photos for the page's img tags, on the page's cookie; the API's download needs a bearer token.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, Guid photo, CancellationToken ct)
    {
        try
        {
            var (attachment, content) = await attachments.OpenAsync(id, photo, await callers.GetAsync(ct), ct);
            return File(content, attachment.ContentType);
        }
        catch (DomainException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            if (!EventWorkflow.Transitions.Any(t => t.Action == Input.Action))
            {
                throw DomainException.BadRequest("Problem.BadRequest");
            }

            // Evidence is stored first so the action can cite it, all in this one submit; but only
            // when the action is open to the caller, so a refused action leaves no stray photos.
            var evidence = Evidence.Count > 0 && (await queries.DetailAsync(id, caller, ct)).AvailableActions.Contains(Input.Action)
                ? (await attachments.AddAsync(id, Evidence.Select(Upload.From).ToList(), AttachmentStage.After, caller, ct)).Select(a => a.Id).ToList()
                : [];
            var request = new TransitionRequest(Input.Version, Input.Note, Input.TargetUnitId, Input.AssistUnitIds, Input.Satisfaction, evidence, Input.TargetEventId, Input.Latitude, Input.Longitude, Input.Address, Input.PublicNote);
            await transitions.ApplyAsync(id, Input.Action, request, caller, ct);
            return await queries.IsVisibleAsync(id, caller, ct) ? RedirectToPage(new { id }) : RedirectToPage("/Events/Todo");
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => field);
            RefusedAction = Input.Action;
            await LoadAsync(id, caller, ct);
            // A refusal of an event that has meanwhile gone out of sight is still a 404.
            Response.StatusCode = Event is null ? StatusCodes.Status404NotFound : refusal.Status;
            return Page();
        }
    }

    private async Task LoadAsync(long id, Caller caller, CancellationToken ct)
    {
        try
        {
            Event = await queries.DetailAsync(id, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (Event.AvailableActions.Any(a => EventWorkflow.For(a).Needs.HasFlag(Needs.TargetUnit)))
        {
            Departments = await organisation.DispatchTargetsAsync(caller, ct);
        }

        if (Event.AvailableActions.Contains(EventAction.Merge))
        {
            var near = await nearby.FindAsync(Event.Latitude, Event.Longitude, Event.CategoryId, caller, ct, except: Event.Id);
            var visible = await queries.VisibleAmongAsync(near.Select(n => n.Id).ToList(), caller, ct);
            MergeCandidates = near.Where(n => visible.Contains(n.Id)).ToList();
        }
    }

    /// <summary>What one action's form needs: the page (event, departments, refusal) and the action.</summary>
    public sealed record ActionView(DetailModel Page, EventAction Action);

    public sealed class ActionForm
    {
        public EventAction Action { get; set; }
        public int Version { get; set; }
        public string? Note { get; set; }
        public int? TargetUnitId { get; set; }
        public List<int> AssistUnitIds { get; set; } = [];
        public Satisfaction? Satisfaction { get; set; }
        public long? TargetEventId { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public string? Address { get; set; }
        public bool PublicNote { get; set; }
    }
}
