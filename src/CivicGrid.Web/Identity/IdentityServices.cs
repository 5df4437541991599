using CivicGrid.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Web.Identity;

public static class IdentityServices
{
    /// <summary>Pages sign in with a cookie, API clients with a bearer token; the API accepts only the token.</summary>
    public const string StaffApiPolicy = "StaffApi";
    private const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, null, policy => policy.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, bearer => bearer.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(cookie =>
            {
                cookie.LoginPath = "/Identity/SignIn";
                cookie.AccessDeniedPath = "/Identity/SignIn";
                cookie.Cookie.Name = "civicgrid";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            }));

        services.AddIdentityCore<StaffUser>(identity =>
            {
                identity.Password.RequiredLength = 8;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<CivicGridDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffApiPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser());

        services.AddScoped<CallerAccessor>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<AccountAdmin>();
        return services;
    }

    public static TBuilder RequireStaffApi<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(StaffApiPolicy);
}
