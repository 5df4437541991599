using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>The delivery log of the administrator's subtree, newest first, failed ones marked and sent again from here.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class DeliveriesModel(DeliveryLog log, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public DeliveryList List { get; private set; } = new(new Page<DeliveryRow>([], 1, 20, 0), 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            List = await log.ListAsync(new DeliveryFilter(Status, Channel, PageNumber, null), await callers.GetAsync(ct), ct);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, PageRefusals.Property);
            Response.StatusCode = refusal.Status;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await log.RetryAsync(id, caller, ct);
            return RedirectToPage(new { Status, Channel });
        }
        catch (DomainException refusal)
        {
            ModelState.Clear();
            ModelState.AddRefusal(text, refusal, _ => string.Empty);
            Response.StatusCode = refusal.Status;
            List = await log.ListAsync(new DeliveryFilter(null, null, PageNumber, null), caller, ct);
            return Page();
        }
    }
}
