using CivicGrid.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Identity;

public static class IdentityApi
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record Me(Guid Id, string DisplayName, StaffRole Role, int UnitId, string UnitName);

    public static RouteGroupBuilder MapIdentityApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Identity");
        api.MapPost("/auth/token", TokenAsync)
            .WithSummary("Exchange a user name and password for a bearer token")
            .AllowAnonymous();
        api.MapGet("/me", MeAsync).WithSummary("Who I am and where I stand").RequireStaffApi();
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> TokenAsync(TokenRequest request, StaffSignIn signIn, IStringLocalizer<Text> text)
    {
        // On success the bearer handler has already written the token response.
        return await signIn.SignInAsync(request.UserName, request.Password, IdentityConstants.BearerScheme, remember: false) switch
        {
            SignInOutcome.Succeeded => TypedResults.Empty,
            SignInOutcome.LockedOut => TypedResults.Problem(text["SignIn.LockedOut"], statusCode: StatusCodes.Status401Unauthorized, title: text["Problem.Unauthorized"]),
            _ => TypedResults.Problem(text["SignIn.Failed"], statusCode: StatusCodes.Status401Unauthorized, title: text["Problem.Unauthorized"]),
        };
    }

    private static async Task<Ok<Me>> MeAsync(CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        return TypedResults.Ok(new Me(caller.UserId, caller.DisplayName, caller.Role, caller.UnitId, caller.UnitName));
    }
}
