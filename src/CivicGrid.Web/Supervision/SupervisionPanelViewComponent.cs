using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Web.Supervision;

/// <summary>The supervision orders on an event's page, with the forms the caller may use; they post to <see cref="OrderModel"/>.</summary>
public sealed class SupervisionPanelViewComponent(SupervisionQueries queries, CallerAccessor callers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long eventId)
    {
        var ct = HttpContext.RequestAborted;
        var panel = await queries.ForEventAsync(eventId, await callers.GetAsync(ct), ct);
        return View("/Supervision/_Panel.cshtml", new PanelView(panel));
    }
}
