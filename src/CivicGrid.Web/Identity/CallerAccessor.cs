using System.Security.Claims;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Identity;

/// <summary>Resolves the signed-in staff member of the current request, once.</summary>
public sealed class CallerAccessor(IHttpContextAccessor http, CivicGridDb db)
{
    private Caller? _caller;
    private bool _loaded;

    public async Task<Caller?> FindAsync(CancellationToken ct = default)
    {
        if (_loaded)
        {
            return _caller;
        }

        _loaded = true;
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var userId))
        {
            return null;
        }

        _caller = await FindAsync(userId, ct);
        return _caller;
    }

    /// <summary>The active staff member with this id, for callers without a request of their own (a hub method).</summary>
    public Task<Caller?> FindAsync(Guid userId, CancellationToken ct) =>
        db.Users
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new Caller(u.Id, u.DisplayName, u.Role, u.UnitId, u.Unit!.Kind, u.Unit.Name, u.Unit.Path))
            .SingleOrDefaultAsync(ct);

    public async Task<Caller> GetAsync(CancellationToken ct = default) =>
        await FindAsync(ct) ?? throw new UnauthorizedAccessException("No active staff account is signed in.");
}
