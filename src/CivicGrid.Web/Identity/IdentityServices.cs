using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
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
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubToken(http.Request) is not null
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, bearer =>
            {
                bearer.BearerTokenExpiration = TimeSpan.FromHours(8);
                bearer.Events.OnMessageReceived = context =>
                {
                    context.Token ??= HubToken(context.Request);
                    return Task.CompletedTask;
                };
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(cookie =>
            {
                cookie.LoginPath = "/Identity/SignIn";
                // A signed-in person refused a page gets 403 and the forbidden page in place: a redirect
                // would turn the refusal into a 200 somewhere else.
                cookie.Events.OnRedirectToAccessDenied = context => ForbiddenPage.ShowAsync(context.HttpContext);
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
                .RequireAuthenticatedUser())
            .AddPolicy(Administrators.Policy, policy => policy.RequireCaller(Administrators.IsFor));

        services.AddScoped<IAuthorizationHandler, CallerRequirementHandler>();
        services.AddScoped<CallerAccessor>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<AccountAdmin>();
        return services;
    }

    /// <summary>
    /// Browsers cannot set headers on a WebSocket, so SignalR sends the token in the query string;
    /// accepted on the notification hub only, where no other URL would leak it into logs.
    /// </summary>
    private static string? HubToken(HttpRequest request) =>
        request.Path.StartsWithSegments(Notifications.RealTime.NotificationHub.Path) && request.Query["access_token"].ToString() is { Length: > 0 } token
            ? token
            : null;

    public static TBuilder RequireStaffApi<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(StaffApiPolicy);
}
