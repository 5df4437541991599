using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Events;

/// <summary>事件查询: every event the caller can see, by keyword and status.</summary>
[Authorize]
public sealed class IndexModel(EventQueries queries, CallerAccessor callers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public EventStatus? Status { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Page<EventSummary> Events { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An unknown status in the URL just lists everything rather than failing.
        ModelState.Clear();
        var status = Status is { } s && Enum.IsDefined(s) ? s : (EventStatus?)null;
        Events = await queries.SearchAsync(new EventFilter(Q, status), new PageRequest(PageNumber, null), await callers.GetAsync(ct), ct);
    }
}
