using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Dispatch;

/// <summary>The centre's queue: the events its dispatchers hold, nearest deadline first.</summary>
[Authorize]
public sealed class QueueModel(EventQueries queries, CallerAccessor callers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Page<EventSummary> Events { get; private set; } = new([], 1, 20, 0);

    /// <summary>The queue belongs to whoever the state machine lets dispatch, so the two never disagree.</summary>
    public static bool IsFor(Caller caller) => EventWorkflow.For(EventAction.Dispatch).Roles.Contains(caller.Role);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!IsFor(caller))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Events = await queries.TodoAsync(new PageRequest(PageNumber, null), caller, ct);
        return Page();
    }
}
