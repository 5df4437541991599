using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Supervision;

/// <summary>The leader's overview: the supervision orders I issued and where each stands.</summary>
[Authorize(Policy = Supervisors.Policy)]
public sealed class OrdersModel(SupervisionQueries queries, CallerAccessor callers) : PageModel
{
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Page<SupervisionOrderView> Orders { get; private set; } = new([], 1, 20, 0);

    public async Task OnGetAsync(CancellationToken ct) =>
        Orders = await queries.IssuedByMeAsync(new PageRequest(PageNumber, null), await callers.GetAsync(ct), ct);
}
