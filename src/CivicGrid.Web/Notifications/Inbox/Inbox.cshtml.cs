using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Notifications.Inbox;

/// <summary>通知: what the platform told me, newest first; opening one marks it read.</summary>
[Authorize]
public sealed class InboxModel(InboxQueries inbox, CallerAccessor callers) : PageModel
{
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Page<NotificationView> Notifications { get; private set; } = new([], 1, 20, 0);

    public int Unread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        Notifications = await inbox.PageAsync(new PageRequest(PageNumber, null), caller, ct);
        Unread = await inbox.UnreadCountAsync(caller, ct);
    }

    /// <summary>The badges, for the live script on any page (it has the cookie, not a token).</summary>
    public async Task<JsonResult> OnGetCountsAsync(CancellationToken ct) =>
        new(await inbox.NavCountsAsync(await callers.GetAsync(ct), ct));

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        try
        {
            var opened = await inbox.MarkReadAsync(id, await callers.GetAsync(ct), ct);
            return opened.EventId is { } eventId ? RedirectToPage("/Events/Detail", new { id = eventId }) : RedirectToPage();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            // Someone else's notification, or none: said on the person's own inbox, which stays as it was.
            Response.StatusCode = StatusCodes.Status404NotFound;
            await OnGetAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(await callers.GetAsync(ct), ct);
        return RedirectToPage();
    }
}
