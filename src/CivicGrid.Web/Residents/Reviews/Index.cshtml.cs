using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Callbacks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Reviews;

/// <summary>The centre's list of unsatisfied residents: open the event to reopen it, or stand by the result with a reason.</summary>
[Authorize(Policy = CallbackDesk.Policy)]
public sealed class IndexModel(ReviewQueue queue, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    /// <summary>The event whose confirmation was refused, and the note as typed.</summary>
    public long? RefusedId { get; private set; }
    public string? Note { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await queue.ListAsync(await callers.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostConfirmAsync(long id, string? note, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await queue.ConfirmAsync(id, note, caller, ct);
            return RedirectToPage();
        }
        catch (DomainException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            ModelState.AddRefusal(text, refusal, _ => $"note-{id}");
            (RefusedId, Note) = (id, note);
            Response.StatusCode = refusal.Status;
            Items = await queue.ListAsync(caller, ct);
            return Page();
        }
    }
}
