using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Dispatch;

/// <summary>The centre's queue: the events its dispatchers hold, nearest deadline first.</summary>
[Authorize(Policy = Dispatchers.Policy)]
public sealed class QueueModel(EventQueries queries, CallerAccessor callers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>Only the events no grid took: a district centre places them by correcting their position.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Unplaced { get; set; }

    public Page<EventSummary> Events { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Events = await queries.TodoAsync(new PageRequest(PageNumber, null), await callers.GetAsync(ct), ct, Unplaced);
        return Page();
    }
}
