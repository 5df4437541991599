using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Suggestions;

/// <summary>The street's suggestion box for those who look after it: unanswered first, a reply form on each.</summary>
[Authorize(Policy = SuggestionDesk.Policy)]
public sealed class IndexModel(SuggestionBox box, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public Page<StaffSuggestion> Suggestions { get; private set; } = new([], 1, PageRequest.MaxPageSize, 0);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>The suggestion whose reply was refused, and the reply as typed.</summary>
    public long? RefusedId { get; private set; }
    public string? Reply { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostReplyAsync(long id, string? reply, CancellationToken ct)
    {
        try
        {
            await box.ReplyAsync(id, new ReplyRequest(reply), await callers.GetAsync(ct), ct);
            return RedirectToPage();
        }
        catch (DomainException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            ModelState.AddRefusal(text, refusal, _ => $"reply-{id}");
            (RefusedId, Reply) = (id, reply);
            Response.StatusCode = refusal.Status;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Suggestions = await box.ListAsync(new PageRequest(PageNumber, PageRequest.MaxPageSize), await callers.GetAsync(ct), ct);
}
