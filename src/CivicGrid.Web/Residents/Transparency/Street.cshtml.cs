using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.Transparency;

/// <summary>One street's figures for the last 30 days, with what each one means.</summary>
[AllowAnonymous]
public sealed class StreetModel(StreetTransparency transparency) : PageModel
{
    /// <summary>Null when the address names no street; the page says so, with 404.</summary>
    public StreetFigures? Figures { get; private set; }

    public async Task OnGetAsync(int streetId, CancellationToken ct)
    {
        try
        {
            Figures = await transparency.ForStreetAsync(streetId, ct);
        }
        catch (DomainException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>"87%", or a dash when nothing was there to divide by.</summary>
    public static string Percent(double? share) =>
        share is { } value ? value.ToString("0%", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
