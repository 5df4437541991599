using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Supervision;

/// <summary>The centre's overdue list: every open event of its place past its step deadline, and whether it is under supervision.</summary>
[Authorize(Policy = Supervisors.Policy)]
public sealed class OverdueModel(SupervisionQueries queries, CallerAccessor callers) : PageModel
{
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Page<OverdueEventView> Events { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Events = await queries.OverdueAsync(new PageRequest(PageNumber, null), await callers.GetAsync(ct), ct);
}
