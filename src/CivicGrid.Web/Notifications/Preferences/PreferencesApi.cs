using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Notifications.Preferences;

public static class PreferencesApi
{
    public static RouteGroupBuilder MapPreferencesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/me/notification-preferences").WithTags("Notifications").RequireStaffApi();
        api.MapGet("/", GetAsync).WithSummary("How I am notified: channels per kind, quiet hours, digest, language, my phone and e-mail");
        api.MapPut("/", PutAsync).WithSummary("Change how I am notified; nothing is stored unless everything is valid");
        return api;
    }

    private static async Task<Ok<PreferencesView>> GetAsync(PreferenceEditor editor, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await editor.GetAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<PreferencesView>> PutAsync(PreferencesInput input, PreferenceEditor editor, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await editor.SaveAsync(input, await callers.GetAsync(ct), ct));
}
