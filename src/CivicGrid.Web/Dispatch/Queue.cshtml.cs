using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Dispatch;

/// <summary>
/// The centre's queue: the events its dispatchers hold, nearest deadline first, each with the
/// departments a dispatch rule suggests, dispatched to them in one tap (人工分拨与自动分拨相结合).
/// </summary>
[Authorize(Policy = Dispatchers.Policy)]
public sealed class QueueModel(EventQueries queries, DispatchRules rules, EventTransitions transitions, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>Only the events no grid took: a district centre places them by correcting their position.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Unplaced { get; set; }

    /// <summary>The number of the event just dispatched, named at the top after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Dispatched { get; set; }

    public Page<EventSummary> Events { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyDictionary<long, QueueSuggestion> Suggestions { get; private set; } = new Dictionary<long, QueueSuggestion>();

    /// <summary>Why the last one-tap dispatch was refused (someone else acted first, the rule's department is gone...).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(await callers.GetAsync(ct), ct);
        return Page();
    }

    /// <summary>Dispatches the event to the departments its suggestion named, as the dispatcher saw them.</summary>
    public async Task<IActionResult> OnPostDispatchAsync(long id, int version, int lead, List<int> assists, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            var e = await transitions.ApplyAsync(id, EventAction.Dispatch, new TransitionRequest(version, TargetUnitId: lead, AssistUnitIds: assists), caller, ct);
            // "page" is the page number here, not a Razor page, so the address is spelt out.
            var back = new Dictionary<string, string?> { ["dispatched"] = e.Number };
            if (PageNumber is { } number)
            {
                back["page"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (Unplaced)
            {
                back["unplaced"] = "true";
            }

            return LocalRedirect(Url.Page("/Dispatch/Queue") + QueryString.Create(back));
        }
        catch (DomainException refusal)
        {
            Refusal = text.Describe(refusal);
            Response.StatusCode = refusal.Status;
            await LoadAsync(caller, ct);
            return Page();
        }
    }

    private async Task LoadAsync(Caller caller, CancellationToken ct)
    {
        Events = await queries.TodoAsync(new PageRequest(PageNumber, null), caller, ct, Unplaced);
        Suggestions = await rules.ForQueueAsync(Events.Items.Select(e => e.Id).ToList(), caller, ct);
    }
}
