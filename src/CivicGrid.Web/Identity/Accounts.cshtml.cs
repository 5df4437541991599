using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Identity;

/// <summary>The accounts of the administrator's subtree, with disable, enable and unlock beside each.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class AccountsModel(AccountAdmin admin, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await callers.GetAsync(ct), ct);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) => ActAsync((caller, ct) => admin.DisableAsync(id, caller, ct), ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) => ActAsync((caller, ct) => admin.EnableAsync(id, caller, ct), ct);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct) => ActAsync((caller, ct) => admin.UnlockAsync(id, caller, ct), ct);

    private async Task<IActionResult> ActAsync(Func<Caller, CancellationToken, Task<AccountRow>> action, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            await action(caller, ct);
            return RedirectToPage();
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, _ => string.Empty);
            Response.StatusCode = refusal.Status;
            return await ShowAsync(caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Caller caller, CancellationToken ct)
    {
        Accounts = await admin.ListAsync(caller, ct);
        return Page();
    }
}
