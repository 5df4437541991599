using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications.Preferences;

/// <summary>
/// A person's own notification settings and contact details. Everything is checked before anything
/// is stored, so a refused change leaves the old settings whole.
/// </summary>
public sealed partial class PreferenceEditor(CivicGridDb db, IOptions<Email.EmailOptions> email)
{
    public const int MaxDigestMinutes = 60;
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];
    /// <summary>What staff may choose channels for; what residents are told is not a staff preference.</summary>
    public static readonly IReadOnlyList<NotificationKind> Kinds = [.. Enum.GetValues<NotificationKind>().Where(k => k is not (NotificationKind.ResidentProgress or NotificationKind.ResidentNotice))];

    public bool EmailAvailable => email.Value.IsConfigured;

    public async Task<PreferencesView> GetAsync(Caller caller, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => new { u.PhoneNumber, u.Email }).SingleAsync(ct);
        var preference = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == caller.UserId, ct)
            ?? NotificationPreference.Defaults(caller.UserId);
        return new PreferencesView(
            preference.Language,
            Kinds.Where(k => NotificationPreference.Has(preference.SmsKinds, k)).ToList(),
            Kinds.Where(k => NotificationPreference.Has(preference.EmailKinds, k)).ToList(),
            Show(preference.QuietFrom),
            Show(preference.QuietUntil),
            preference.DigestMinutes,
            user.PhoneNumber,
            user.Email,
            EmailAvailable);
    }

    public async Task<PreferencesView> SaveAsync(PreferencesInput input, Caller caller, CancellationToken ct)
    {
        var phone = Blank(input.PhoneNumber);
        var address = Blank(input.Email);
        var from = Blank(input.QuietFrom);
        var until = Blank(input.QuietUntil);
        var quietFrom = ParseTime(from);
        var quietUntil = ParseTime(until);
        var sms = input.SmsKinds ?? [];
        var emailKinds = input.EmailKinds ?? [];

        new Validation()
            .Require(input.Language is not null && Languages.Contains(input.Language), "language", "Notify.Preferences.BadLanguage")
            .Require(input.DigestMinutes is >= 0 and <= MaxDigestMinutes, "digestMinutes", "Notify.Preferences.BadDigest")
            .Require(from is null || quietFrom is not null, "quietFrom", "Notify.Preferences.BadTime")
            .Require(until is null || quietUntil is not null, "quietUntil", "Notify.Preferences.BadTime")
            .Require((from is null) == (until is null), "quietUntil", "Notify.Preferences.QuietBoth")
            .Require(quietFrom is null || quietFrom != quietUntil, "quietUntil", "Notify.Preferences.QuietEmpty")
            .Require(sms.All(k => Enum.IsDefined(k)), "smsKinds", "Notify.Preferences.BadKind")
            .Require(emailKinds.All(k => Enum.IsDefined(k)), "emailKinds", "Notify.Preferences.BadKind")
            .Require(emailKinds.Count == 0 || EmailAvailable, "emailKinds", "Notify.Preferences.EmailUnavailable")
            .Require(phone is null || MainlandMobile().IsMatch(phone), "phoneNumber", "Notify.Preferences.BadPhone")
            .Require(address is null || IsEmail(address), "email", "Notify.Preferences.BadEmail")
            .ThrowIfInvalid();

        var user = await db.Users.SingleAsync(u => u.Id == caller.UserId, ct);
        user.PhoneNumber = phone;
        if (!string.Equals(user.Email, address, StringComparison.Ordinal))
        {
            user.Email = address;
            user.NormalizedEmail = address?.ToUpperInvariant();
            user.EmailConfirmed = false;
        }

        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == caller.UserId, ct);
        if (preference is null)
        {
            preference = new NotificationPreference { UserId = caller.UserId };
            db.NotificationPreferences.Add(preference);
        }

        preference.Language = input.Language!;
        preference.SmsKinds = NotificationPreference.Bits([.. sms]);
        preference.EmailKinds = NotificationPreference.Bits([.. emailKinds]);
        preference.QuietFrom = quietFrom;
        preference.QuietUntil = quietUntil;
        preference.DigestMinutes = input.DigestMinutes;
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Show(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>One address, nothing more: MailAddress alone accepts display names and stray text around the address.</summary>
    private static bool IsEmail(string value) =>
        value.Length <= 254 && SimpleEmail().IsMatch(value) && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex SimpleEmail();
}

/// <summary>What a person may change; the same shape for the API and the page's form.</summary>
public sealed class PreferencesInput
{
    public string? Language { get; set; }
    public List<NotificationKind>? SmsKinds { get; set; }
    public List<NotificationKind>? EmailKinds { get; set; }
    /// <summary>"HH:mm" Beijing time; both empty for no quiet hours.</summary>
    public string? QuietFrom { get; set; }
    public string? QuietUntil { get; set; }
    public int DigestMinutes { get; set; }
    public string? PhoneNumber { get; set; }
    public string? Email { get; set; }
}

/// <param name="EmailAvailable">False when the platform has no SMTP server: e-mail kinds cannot be chosen.</param>
public sealed record PreferencesView(
    string Language,
    List<NotificationKind> SmsKinds,
    List<NotificationKind> EmailKinds,
    string? QuietFrom,
    string? QuietUntil,
    int DigestMinutes,
    string? PhoneNumber,
    string? Email,
    bool EmailAvailable);
