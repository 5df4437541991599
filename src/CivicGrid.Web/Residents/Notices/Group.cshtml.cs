using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>One tag group: add a resident by their full number (shown masked from then on), remove one.</summary>
[Authorize(Policy = NoticeDesk.Policy)]
public sealed class GroupModel(TagGroups groups, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public TagGroupDetail? Group { get; private set; }

    public Task OnGetAsync(long id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostAddAsync(long id, string? phone, CancellationToken ct) =>
        ChangeAsync(id, async caller => await groups.AddAsync(id, new MemberRequest(phone), caller, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(long id, Guid residentId, CancellationToken ct) =>
        ChangeAsync(id, async caller => await groups.RemoveAsync(id, residentId, caller, ct), ct);

    private async Task<IActionResult> ChangeAsync(long id, Func<Caller, Task> change, CancellationToken ct)
    {
        try
        {
            await change(await callers.GetAsync(ct));
            return RedirectToPage(new { id });
        }
        catch (DomainException refusal)
        {
            if (refusal.Status != StatusCodes.Status404NotFound)
            {
                ModelState.AddRefusal(text, refusal, field => char.ToUpperInvariant(field[0]) + field[1..]);
            }

            await LoadAsync(id, ct);
            Response.StatusCode = refusal.Status;
            return Page();
        }
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        try
        {
            Group = await groups.GetAsync(id, await callers.GetAsync(ct), ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
