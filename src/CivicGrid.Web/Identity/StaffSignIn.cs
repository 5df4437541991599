using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Identity;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>Password sign-in for pages (cookie) and API clients (bearer token), with lockout; disabled accounts never get in.</summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signIn, UserManager<StaffUser> users)
{
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string scheme, bool remember)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Failed;
        }

        var user = await users.FindByNameAsync(userName.Trim());
        if (user is not { IsActive: true })
        {
            return SignInOutcome.Failed;
        }

        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.Succeeded : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }
}
