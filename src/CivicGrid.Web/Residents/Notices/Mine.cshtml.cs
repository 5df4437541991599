using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>The notices sent to the resident, unread first.</summary>
[Authorize(Policy = ResidentAuth.PagePolicy)]
public sealed class MineModel(ResidentNotices notices, ResidentAccessor residents) : PageModel
{
    public Resident? Resident { get; private set; }

    /// <summary>The home grid: without one, no notice can reach the resident, and the page says where to set it.</summary>
    public int? Home { get; private set; }

    public IReadOnlyList<MyNotice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Resident = await residents.RequireAsync(ct);
        Home = Resident.HomeGridId;
        Notices = await notices.MineAsync(Resident, ct);
    }
}
