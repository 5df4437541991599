using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>我的反映: the signed-in resident's reports, newest first, each with its status in plain words.</summary>
[Authorize(Policy = ResidentAuth.PagePolicy)]
public sealed class MineModel(MyReports reports, ResidentAccessor residents) : PageModel
{
    public Resident? Resident { get; private set; }

    public IReadOnlyList<MyReportItem> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Resident = await residents.RequireAsync(ct);
        Reports = await reports.ListAsync(Resident, ct);
    }
}
