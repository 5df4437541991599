using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>One delivery and every try to send the message that carries it.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class DeliveryDetailModel(DeliveryLog log, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public DeliveryDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, await callers.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await log.RetryAsync(id, caller, ct);
            return RedirectToPage(new { id });
        }
        catch (DomainException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            ModelState.AddRefusal(text, refusal, _ => string.Empty);
            Response.StatusCode = refusal.Status;
            return await ShowAsync(id, caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(long id, Caller caller, CancellationToken ct)
    {
        try
        {
            Detail = await log.GetAsync(id, caller, ct);
            return Page();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}
