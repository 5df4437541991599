using System.ComponentModel.DataAnnotations;
using CivicGrid.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Identity;

[AllowAnonymous]
public sealed class SignInModel(StaffSignIn signIn, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await signIn.SignInAsync(Input.UserName, Input.Password, IdentityConstants.ApplicationScheme, Input.Remember);
        if (outcome == SignInOutcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, text[outcome == SignInOutcome.LockedOut ? "SignIn.LockedOut" : "SignIn.Failed"]);
        Response.StatusCode = outcome == SignInOutcome.LockedOut ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        Input.Password = null;
        return Page();
    }

    public sealed class SignInForm
    {
        public string? UserName { get; set; }

        [DataType(DataType.Password)]
        public string? Password { get; set; }

        public bool Remember { get; set; }
    }
}
