using CivicGrid.Web.Infrastructure.Problems;

namespace CivicGrid.Web.Identity;

/// <summary>
/// The one rule of administration: only an Administrator administers, and only the subtree
/// of its own unit. API, pages and services all ask here.
/// </summary>
public static class Administrators
{
    /// <summary>The authorisation policy of the administration pages.</summary>
    public const string Policy = "Administrator";

    public static bool IsFor(Caller caller) => caller.Role == StaffRole.Administrator;

    /// <summary>The path prefix of everything the caller may administer; refuses everyone else.</summary>
    public static string ScopeOf(Caller caller) =>
        IsFor(caller) ? caller.UnitPath : throw DomainException.Forbidden("Admin.NotAdministrator");

    /// <summary>Refuses non-administrators on a whole API group with 403 problem+json.</summary>
    public static TBuilder RequireAdministrator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var callers = context.HttpContext.RequestServices.GetRequiredService<CallerAccessor>();
            ScopeOf(await callers.GetAsync(context.HttpContext.RequestAborted));
            return await next(context);
        });
}
