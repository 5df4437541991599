using System.Globalization;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Supervision;

/// <summary>
/// Where the supervision forms of an event's page post: issue, reply, conclude. Done, it goes back
/// to the event; refused, it shows the event's orders again with the form, what was typed and why.
/// </summary>
[Authorize]
public sealed class OrderModel(SupervisionOrders orders, SupervisionQueries queries, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Beijing time, as a datetime-local input sends it.</summary>
    [BindProperty]
    public string? Deadline { get; set; }

    /// <summary>Null when the event does not exist for the caller.</summary>
    public PanelView? Panel { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, null, ct);

    public Task<IActionResult> OnPostIssueAsync(long id, CancellationToken ct) =>
        SubmitAsync(id, "issue", null, caller => orders.IssueAsync(id, new IssueOrderRequest(Note, ParseDeadline()), caller, ct), ct);

    public Task<IActionResult> OnPostReplyAsync(long id, long orderId, CancellationToken ct) =>
        SubmitAsync(id, "reply", orderId, caller => orders.ReplyAsync(orderId, new ReplyRequest(Note), caller, ct), ct);

    public Task<IActionResult> OnPostConcludeAsync(long id, long orderId, CancellationToken ct) =>
        SubmitAsync(id, "conclude", orderId, caller => orders.ConcludeAsync(orderId, new ConcludeRequest(Note), caller, ct), ct);

    private async Task<IActionResult> SubmitAsync(long id, string form, long? orderId, Func<Caller, Task<SupervisionOrder>> act, CancellationToken ct)
    {
        try
        {
            await act(await callers.GetAsync(ct));
            return RedirectToPage("/Events/Detail", null, new { id }, "supervision");
        }
        catch (DomainException refusal)
        {
            var errors = refusal.FieldErrors.ToDictionary(f => f.Key, f => f.Value.Select(key => text[key].Value).ToArray());
            await LoadAsync(id, new PanelRefusal(form, orderId, text.Describe(refusal), errors, Note, Deadline), ct);
            Response.StatusCode = Panel is null ? StatusCodes.Status404NotFound : refusal.Status;
            return Page();
        }
    }

    /// <summary>An unreadable time counts as none: the service then says the deadline is required.</summary>
    private DateTimeOffset? ParseDeadline() =>
        DateTime.TryParse(Deadline, CultureInfo.InvariantCulture, DateTimeStyles.None, out var beijing)
            ? new DateTimeOffset(LocalTime.ToUtc(beijing), TimeSpan.Zero)
            : null;

    private async Task LoadAsync(long id, PanelRefusal? refusal, CancellationToken ct)
    {
        try
        {
            Panel = new PanelView(await queries.ForEventAsync(id, await callers.GetAsync(ct), ct), refusal);
        }
        catch (DomainException missing) when (missing.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
