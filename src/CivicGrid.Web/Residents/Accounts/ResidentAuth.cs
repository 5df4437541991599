using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace CivicGrid.Web.Residents.Accounts;

/// <summary>
/// Residents sign in by their own schemes, a cookie for the phone pages and a bearer token for
/// API clients (a mini program), so a resident's ticket is never accepted where staff sign in.
/// </summary>
public static class ResidentAuth
{
    public const string Cookie = "Resident";
    public const string Bearer = "ResidentBearer";
    public const string PagePolicy = "ResidentPages";
    public const string ApiPolicy = "ResidentApi";

    public static IServiceCollection AddResidentAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(Cookie, cookie =>
            {
                cookie.LoginPath = "/r/sign-in";
                cookie.Cookie.Name = "civicgrid.resident";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            })
            .AddBearerToken(Bearer, bearer => bearer.BearerTokenExpiration = TimeSpan.FromDays(7));

        services.AddAuthorizationBuilder()
            .AddPolicy(PagePolicy, policy => policy.AddAuthenticationSchemes(Cookie).RequireAuthenticatedUser())
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(Bearer).RequireAuthenticatedUser());
        services.AddScoped<ResidentAccessor>();
        return services;
    }

    public static ClaimsPrincipal Principal(Resident resident, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, resident.Id.ToString())], scheme));

    /// <summary>Signs the resident in on the phone pages (cookie).</summary>
    public static Task SignInPageAsync(HttpContext http, Resident resident) =>
        http.SignInAsync(Cookie, Principal(resident, Cookie), new AuthenticationProperties { IsPersistent = true });

    public static Task SignOutPageAsync(HttpContext http) => http.SignOutAsync(Cookie);

    /// <summary>The bearer ticket an API client keeps; the handler writes the token response itself.</summary>
    public static IResult SignInApi(Resident resident) =>
        TypedResults.SignIn(Principal(resident, Bearer), authenticationScheme: Bearer);

    /// <summary>API clients present a bearer token; the pages carry the cookie.</summary>
    internal static string SchemeOf(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Cookie;
}
