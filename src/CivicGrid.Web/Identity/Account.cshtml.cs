using System.ComponentModel.DataAnnotations;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Identity;

/// <summary>One account: opened when there is no id, otherwise changed, with its password reset below.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class AccountModel(AccountAdmin admin, OrganisationAdmin organisation, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public AccountForm Input { get; set; } = new();

    [BindProperty]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    public AccountRow? Account { get; private set; }

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public bool PasswordReset { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool reset, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!await LoadAsync(id, caller, ct))
        {
            return Page();
        }

        PasswordReset = reset;
        if (Account is { } a)
        {
            Input = new AccountForm { UserName = a.UserName, DisplayName = a.DisplayName, Role = a.Role, UnitId = a.UnitId, MayUnmaskPersonalData = a.MayUnmaskPersonalData };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            if (id is { } existing)
            {
                await admin.UpdateAsync(existing, new AccountEdit(Input.DisplayName, Input.Role, Input.UnitId, Input.MayUnmaskPersonalData), caller, ct);
            }
            else
            {
                await admin.CreateAsync(new AccountRequest(Input.UserName, Input.DisplayName, Input.Role, Input.UnitId, Input.Password, Input.MayUnmaskPersonalData), caller, ct);
            }

            return RedirectToPage("/Identity/Accounts");
        }
        catch (DomainException refusal)
        {
            return await RefuseAsync(id, refusal, field => PageRefusals.Under("Input", field), caller, ct);
        }
    }

    public async Task<IActionResult> OnPostPasswordAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            await admin.ResetPasswordAsync(id, new PasswordRequest(NewPassword), caller, ct);
            return RedirectToPage(new { id, reset = true });
        }
        catch (DomainException refusal)
        {
            return await RefuseAsync(id, refusal, _ => nameof(NewPassword), caller, ct);
        }
    }

    private async Task<IActionResult> RefuseAsync(Guid? id, DomainException refusal, Func<string, string> fieldName, Caller caller, CancellationToken ct)
    {
        ModelState.AddRefusal(text, refusal, fieldName);
        Response.StatusCode = refusal.Status;
        Input.Password = null;
        NewPassword = null;
        if (await LoadAsync(id, caller, ct) && Account is { } a)
        {
            Input.UserName = a.UserName;
        }

        return Page();
    }

    /// <summary>False when the account is not in the administrator's scope: the page shows 404 instead of the form.</summary>
    private async Task<bool> LoadAsync(Guid? id, Caller caller, CancellationToken ct)
    {
        try
        {
            Account = id is { } existing ? await admin.GetAsync(existing, caller, ct) : null;
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Units = (await organisation.ListAsync(caller, ct)).Where(u => u.IsActive).ToList();
        return true;
    }

    public sealed class AccountForm
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public StaffRole? Role { get; set; }
        public int? UnitId { get; set; }
        public bool MayUnmaskPersonalData { get; set; }

        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
