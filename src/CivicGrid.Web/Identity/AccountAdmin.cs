using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Identity;

public sealed record AccountRow(Guid Id, string UserName, string DisplayName, StaffRole Role, int UnitId, string UnitName, bool IsActive, bool IsLockedOut, bool MayUnmaskPersonalData);

public sealed record AccountRequest(string? UserName, string? DisplayName, StaffRole? Role, int? UnitId, string? Password, bool MayUnmaskPersonalData = false);

/// <param name="MayUnmaskPersonalData">Left out (null), the permission stays as it is.</param>
public sealed record AccountEdit(string? DisplayName, StaffRole? Role, int? UnitId, bool? MayUnmaskPersonalData = null);

public sealed record PasswordRequest(string? Password);

/// <summary>Staff accounts of an administrator's subtree: created, moved, disabled, never deleted, so the record keeps its names.</summary>
public sealed class AccountAdmin(CivicGridDb db, UserManager<StaffUser> users, TimeProvider clock)
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 50;

    public async Task<IReadOnlyList<AccountRow>> ListAsync(Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var accounts = await db.Users.AsNoTracking().Include(u => u.Unit)
            .Where(u => u.Unit!.Path.StartsWith(scope))
            .ToListAsync(ct);
        return accounts.OrderBy(u => u.Unit!.Path, StringComparer.Ordinal).ThenBy(u => u.UserName, StringComparer.Ordinal).Select(Row).ToList();
    }

    public async Task<AccountRow> GetAsync(Guid id, Caller caller, CancellationToken ct) => Row(await InScopeAsync(id, caller, ct));

    public async Task<AccountRow> CreateAsync(AccountRequest request, Caller caller, CancellationToken ct)
    {
        var check = new Validation()
            .Text(request.UserName, "userName", UserNameMaxLength)
            .Require(string.IsNullOrEmpty(request.Password) is false, "password", "Validation.Required");
        var userName = request.UserName?.Trim();
        if (!string.IsNullOrEmpty(userName))
        {
            check.Require(await users.FindByNameAsync(userName) is null, "userName", "Admin.Account.UserNameTaken");
        }

        var unit = await CheckProfileAsync(check, request.DisplayName, request.Role, request.UnitId, caller, ct);
        check.ThrowIfInvalid();

        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!.Value,
            UnitId = unit!.Id,
            LockoutEnabled = true,
            MayUnmaskPersonalData = request.MayUnmaskPersonalData,
        };
        ThrowIfFailed(await users.CreateAsync(user, request.Password!));
        user.Unit = unit;
        return Row(user);
    }

    public async Task<AccountRow> UpdateAsync(Guid id, AccountEdit edit, Caller caller, CancellationToken ct)
    {
        var user = await InScopeAsync(id, caller, ct);
        var check = new Validation();
        var unit = await CheckProfileAsync(check, edit.DisplayName, edit.Role, edit.UnitId, caller, ct);
        check.ThrowIfInvalid();

        user.DisplayName = edit.DisplayName!.Trim();
        user.Role = edit.Role!.Value;
        user.UnitId = unit!.Id;
        user.Unit = unit;
        user.MayUnmaskPersonalData = edit.MayUnmaskPersonalData ?? user.MayUnmaskPersonalData;
        ThrowIfFailed(await users.UpdateAsync(user));
        return Row(user);
    }

    public async Task ResetPasswordAsync(Guid id, PasswordRequest request, Caller caller, CancellationToken ct)
    {
        var user = await InScopeAsync(id, caller, ct);
        new Validation().Require(!string.IsNullOrEmpty(request.Password), "password", "Validation.Required").ThrowIfInvalid();
        // A reset token validates the new password before the old one goes, and renews the security stamp.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowIfFailed(await users.ResetPasswordAsync(user, token, request.Password!));
    }

    public async Task<AccountRow> DisableAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var user = await InScopeAsync(id, caller, ct);
        if (user.Id == caller.UserId)
        {
            throw DomainException.Conflict("Admin.Account.CannotDisableSelf");
        }

        user.IsActive = false;
        ThrowIfFailed(await users.UpdateAsync(user));
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        return Row(user);
    }

    public async Task<AccountRow> EnableAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var user = await InScopeAsync(id, caller, ct);
        if (!user.Unit!.IsActive)
        {
            throw DomainException.Conflict("Admin.Account.UnitInactive", user.Unit.Name);
        }

        user.IsActive = true;
        ThrowIfFailed(await users.UpdateAsync(user));
        return Row(user);
    }

    public async Task<AccountRow> UnlockAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var user = await InScopeAsync(id, caller, ct);
        ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null));
        ThrowIfFailed(await users.ResetAccessFailedCountAsync(user));
        return Row(user);
    }

    /// <summary>Display name, role and unit, checked together: the unit must be in scope, active and of a kind the role belongs to.</summary>
    private async Task<OrgUnit?> CheckProfileAsync(Validation check, string? displayName, StaffRole? role, int? unitId, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        check.Text(displayName, "displayName", DisplayNameMaxLength)
            .Require(role is null || Enum.IsDefined(role.Value), "role", "Validation.UnknownValue")
            .Require(role is not null, "role", "Validation.Required")
            .Require(unitId is not null, "unitId", "Validation.Required");
        var unit = unitId is { } id
            ? await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id && u.IsActive && u.Path.StartsWith(scope), ct)
            : null;
        check.Require(unitId is null || unit is not null, "unitId", "Admin.Account.UnknownUnit");
        if (unit is not null && role is { } r && Enum.IsDefined(r))
        {
            check.Require(StaffRoles.AllowedUnits(r).Contains(unit.Kind), "unitId", "Admin.Account.UnitNotForRole");
        }

        return unit;
    }

    private async Task<StaffUser> InScopeAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        return await db.Users.Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == id && u.Unit!.Path.StartsWith(scope), ct)
            ?? throw DomainException.NotFound();
    }

    /// <summary>Identity's own rules (password strength, user-name characters) come back as field errors in its words.</summary>
    private static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var check = new Validation();
        foreach (var error in result.Errors)
        {
            check.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName"
                : string.Empty, error.Description);
        }

        check.ThrowIfInvalid();
    }

    private AccountRow Row(StaffUser user) => new(
        user.Id, user.UserName!, user.DisplayName, user.Role, user.UnitId, user.Unit?.Name ?? "", user.IsActive,
        user.LockoutEnd is { } end && end > clock.GetUtcNow(), user.MayUnmaskPersonalData);
}
