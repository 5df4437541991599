using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Events;

/// <summary>待办 / 已办: what waits on me or my unit, and what I have acted on.</summary>
[Authorize]
public sealed class TodoModel(EventQueries queries, CallerAccessor callers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public WorkCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public Page<EventSummary> Events { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var page = new PageRequest(PageNumber, null);
        Counts = await queries.CountsAsync(caller, ct);
        Events = Done ? await queries.DoneAsync(page, caller, ct) : await queries.TodoAsync(page, caller, ct);
    }
}
