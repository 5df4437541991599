using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>One notice: the tally, live while the page is open, and who it went to, numbers masked.</summary>
[Authorize(Policy = NoticeDesk.Policy)]
public sealed class DetailModel(NoticeBoard board, CallerAccessor callers) : PageModel
{
    public StaffNoticeDetail? Notice { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        try
        {
            Notice = await board.GetAsync(id, await callers.GetAsync(ct), ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
