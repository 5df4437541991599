using System.Security.Claims;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Accounts;

/// <summary>
/// The resident behind this request, if any, read from the residents' own schemes whatever the
/// page's default sign-in is; loaded from the database so a removed account stops at once.
/// </summary>
public sealed class ResidentAccessor(IHttpContextAccessor http, CivicGridDb db)
{
    private bool _loaded;
    private Resident? _resident;

    public async Task<Resident?> FindAsync(CancellationToken ct)
    {
        if (_loaded)
        {
            return _resident;
        }

        var context = http.HttpContext ?? throw new InvalidOperationException("No request.");
        var result = await context.AuthenticateAsync(ResidentAuth.SchemeOf(context.Request));
        if (result.Succeeded && Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            _resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        }

        _loaded = true;
        return _resident;
    }

    public async Task<Resident> RequireAsync(CancellationToken ct) =>
        await FindAsync(ct) ?? throw new UnauthorizedAccessException();
}
