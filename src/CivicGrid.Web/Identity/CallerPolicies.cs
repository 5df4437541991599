using Microsoft.AspNetCore.Authorization;

namespace CivicGrid.Web.Identity;

/// <summary>
/// Pages open only to some roles say so with <c>[Authorize(Policy = ...)]</c>; the policy asks the
/// same rule the API and the navigation ask (<see cref="Administrators.IsFor"/>, ...). A signed-in
/// person the rule refuses gets the one forbidden page (<see cref="Infrastructure.Pages.ForbiddenPage"/>).
/// </summary>
public static class CallerPolicies
{
    public static AuthorizationPolicyBuilder RequireCaller(this AuthorizationPolicyBuilder policy, Func<Caller, bool> admits) =>
        policy.RequireAuthenticatedUser().AddRequirements(new CallerRequirement(admits));
}

/// <summary>The caller, as the database knows them now, must satisfy a rule.</summary>
public sealed class CallerRequirement(Func<Caller, bool> admits) : IAuthorizationRequirement
{
    public bool Admits(Caller caller) => admits(caller);
}

/// <summary>Loads the caller once per request, so a role changed or an account disabled takes effect at once.</summary>
public sealed class CallerRequirementHandler(CallerAccessor callers) : AuthorizationHandler<CallerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRequirement requirement)
    {
        var ct = (context.Resource as HttpContext)?.RequestAborted ?? CancellationToken.None;
        if (await callers.FindAsync(ct) is { } caller && requirement.Admits(caller))
        {
            context.Succeed(requirement);
        }
    }
}
