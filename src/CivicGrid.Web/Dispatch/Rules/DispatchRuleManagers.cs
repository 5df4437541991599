using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Dispatch.Rules;

/// <summary>
/// Who keeps dispatch rules: an administrator for its subtree, and a centre's dispatcher for the
/// place its centre looks after (the street, or the whole district), because dispatchers know
/// which department handles what. Everyone else is refused; a rule outside the scope does not exist (404).
/// </summary>
public static class DispatchRuleManagers
{
    /// <summary>The authorisation policy of the rules pages.</summary>
    public const string Policy = "DispatchRuleManager";

    public static bool IsFor(Caller caller) =>
        Administrators.IsFor(caller) || (caller.Role == StaffRole.Dispatcher && caller.UnitKind == OrgUnitKind.GovernanceCentre);

    /// <summary>The path prefix of the areas whose rules the caller keeps; refuses everyone else.</summary>
    public static string ScopeOf(Caller caller) =>
        Administrators.IsFor(caller) ? caller.UnitPath
        : IsFor(caller) ? caller.PlaceScopePath!
        : throw DomainException.Forbidden("DispatchRule.NotManager");

    /// <summary>Refuses everyone but rule managers on a whole API group with 403 problem+json.</summary>
    public static TBuilder RequireRuleManager<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var callers = context.HttpContext.RequestServices.GetRequiredService<CallerAccessor>();
            ScopeOf(await callers.GetAsync(context.HttpContext.RequestAborted));
            return await next(context);
        });
}
