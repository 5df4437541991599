using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>One notice: the tally, live while the page is open, and who it went to, numbers masked.</summary>
[Authorize(Policy = NoticeDesk.Policy)]
public sealed class DetailModel(NoticeBoard board, CallerAccessor callers) : PageModel
{
    public StaffNoticeDetail? Notice { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct) =>
        Notice = await board.GetAsync(id, await callers.GetAsync(ct), ct);
}
