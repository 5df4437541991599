using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.SignIn;

/// <summary>Sign-in on the phone: the number, then the code the SMS brought. No password to remember.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInCodes codes, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set once a code is on its way: the page asks for it.</summary>
    public CodeSent? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        try
        {
            Sent = await codes.SendAsync(Phone, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        }
        catch (DomainException refusal)
        {
            Refuse(refusal);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        try
        {
            var resident = await codes.VerifyAsync(Phone, Code, ct);
            await ResidentAuth.SignInPageAsync(HttpContext, resident);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/r/mine");
        }
        catch (DomainException refusal)
        {
            Refuse(refusal);
            // Still on the code step: the code sent earlier may be typed again.
            Sent = new CodeSent(PhoneNumbers.Normalise(Phone) is { } phone ? PhoneNumbers.Mask(phone) : Phone ?? string.Empty, default, default);
            return Page();
        }
    }

    private void Refuse(DomainException refusal)
    {
        ModelState.AddRefusal(text, refusal, PageRefusals.Property);
        Response.StatusCode = refusal.Status;
        if (refusal.RetryAfter is { } wait)
        {
            ProblemExceptionHandler.RetryAfter(Response, wait);
        }
    }
}
