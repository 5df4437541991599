using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Notifications.Preferences;

/// <summary>通知设置: which kinds reach me by SMS or e-mail, when not, and where.</summary>
[Authorize]
public sealed class PreferencesModel(PreferenceEditor editor, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public bool EmailAvailable => editor.EmailAvailable;

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        var current = await editor.GetAsync(await callers.GetAsync(ct), ct);
        Input = new PreferencesInput
        {
            Language = current.Language,
            SmsKinds = current.SmsKinds,
            EmailKinds = current.EmailKinds,
            QuietFrom = current.QuietFrom,
            QuietUntil = current.QuietUntil,
            DigestMinutes = current.DigestMinutes,
            PhoneNumber = current.PhoneNumber,
            Email = current.Email,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, text["Problem.Invalid"]);
            return Page();
        }

        try
        {
            await editor.SaveAsync(Input, await callers.GetAsync(ct), ct);
            return RedirectToPage(new { saved = true });
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under(nameof(Input), field));
            return Page();
        }
    }
}
