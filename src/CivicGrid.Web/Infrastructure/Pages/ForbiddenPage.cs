using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace CivicGrid.Web.Infrastructure.Pages;

/// <summary>
/// The one answer to "you may not open this page": status 403 and <c>Shared/Forbidden.cshtml</c>,
/// rendered in place of the page asked for. No redirect, so the address and the status stay honest.
/// </summary>
public static class ForbiddenPage
{
    public const string View = "/Shared/Forbidden.cshtml";

    public static Task ShowAsync(HttpContext http) =>
        new ViewResult { ViewName = View, StatusCode = StatusCodes.Status403Forbidden }
            .ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
}
