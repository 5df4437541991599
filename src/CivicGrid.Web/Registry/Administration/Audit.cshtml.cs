using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Administration;

/// <summary>访问审计: who of the administrator's subtree saw which full number, of whom and why; filtered by days and staff.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class AuditModel(AccessAudit audit, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? StaffId { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Page<AccessRow> Accesses { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<AccessStaff> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        Staff = await audit.StaffAsync(caller, ct);
        try
        {
            Accesses = await audit.ListAsync(new AccessQuery(From, To, StaffId, PageNumber), caller, ct);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, PageRefusals.Property);
            Response.StatusCode = refusal.Status;
        }
    }
}
