using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Notifications.Sms;
using CivicGrid.Web.Notifications.Texts;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.SignIn;

/// <summary>When the code sent stops working, and when the number may ask for another.</summary>
public sealed record CodeSent(string MaskedPhone, DateTime ExpiresAt, DateTime ResendAt);

/// <summary>
/// Sign-in by a one-time SMS code. The code goes straight to the SMS gateway, not through the
/// notification outbox: a code retried minutes later would arrive dead, so a failure is told to
/// the resident at once instead.
/// </summary>
public sealed class SignInCodes(
    CivicGridDb db,
    IServiceProvider services,
    IOptions<SmsOptions> sms,
    IOptions<NotificationTextOptions> texts,
    IOptions<SignInOptions> options,
    IStringLocalizer<Text> text,
    TimeProvider clock,
    ILogger<SignInCodes> log)
{
    public const string SmsTemplate = "SignInCode";

    // The limits count rows, then add one: serialised in this process so two quick taps cannot both
    // pass. Several instances may each let one extra through, which the daily cap still bounds.
    private static readonly SemaphoreSlim Issuing = new(1, 1);

    public async Task<CodeSent> SendAsync(string? typedPhone, string? address, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(typedPhone) ?? throw Invalid("phone", "SignIn.PhoneInvalid");
        // A request whose address is unknown (no socket address, as in an in-process host) counts as one address.
        address ??= "unknown";
        var o = options.Value;
        string code;
        SignInCode row;
        await Issuing.WaitAsync(ct);
        try
        {
            var now = Now;
            await CheckLimitsAsync(phone, address, now, ct);
            code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            row = new SignInCode
            {
                Phone = phone,
                Salt = salt,
                CodeHash = Hash(salt, code),
                RequestedFrom = address,
                CreatedAt = now,
                ExpiresAt = now + o.CodeLifetime,
            };
            db.ResidentSignInCodes.Add(row);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            Issuing.Release();
        }

        var minutes = ((int)o.CodeLifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var signature = english ? texts.Value.Sms.SignatureEn : texts.Value.Sms.Signature;
        var message = new SmsMessage(
            $"signin-{row.Id}",
            phone,
            signature + text["SignIn.Sms", code, minutes],
            SmsTemplate,
            new Dictionary<string, string> { ["code"] = code, ["minutes"] = minutes });
        var result = await services.GetRequiredKeyedService<ISmsGateway>(sms.Value.Gateway).SendAsync(message, ct);
        if (!result.Succeeded)
        {
            log.LogWarning("Sign-in code to {Phone} not sent: {Error}", PhoneNumbers.Mask(phone), result.Error);
            throw new DomainException(StatusCodes.Status502BadGateway, "SignIn.SmsFailed");
        }

        return new CodeSent(PhoneNumbers.Mask(phone), row.ExpiresAt, row.CreatedAt + o.ResendAfter);
    }

    /// <summary>The resident the code proves, created on first sign-in.</summary>
    public async Task<Resident> VerifyAsync(string? typedPhone, string? typedCode, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalise(typedPhone);
        var code = typedCode?.Trim();
        new Validation()
            .Require(phone is not null, "phone", "SignIn.PhoneInvalid")
            .Require(code is { Length: 6 } && code.All(char.IsAsciiDigit), "code", "SignIn.CodeFormat")
            .ThrowIfInvalid();

        var now = Now;
        var latest = await db.ResidentSignInCodes.AsNoTracking()
            .Where(c => c.Phone == phone && c.UsedAt == null)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (latest is null || latest.ExpiresAt <= now)
        {
            throw Invalid("code", "SignIn.CodeExpired");
        }

        if (latest.FailedAttempts >= options.Value.MaxAttempts)
        {
            throw Invalid("code", "SignIn.CodeExhausted");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(latest.Salt, code!)), Encoding.ASCII.GetBytes(latest.CodeHash)))
        {
            await db.ResidentSignInCodes.Where(c => c.Id == latest.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), ct);
            throw Invalid("code", latest.FailedAttempts + 1 >= options.Value.MaxAttempts ? "SignIn.CodeExhausted" : "SignIn.CodeWrong");
        }

        // Taken once: of two requests racing with the same code, only one finds it unused.
        var taken = await db.ResidentSignInCodes.Where(c => c.Id == latest.Id && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        if (taken == 0)
        {
            throw Invalid("code", "SignIn.CodeExpired");
        }

        return await ResidentOfAsync(phone!, now, ct);
    }

    private async Task<Resident> ResidentOfAsync(string phone, DateTime now, CancellationToken ct)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Phone == phone, ct);
        if (resident is null)
        {
            resident = new Resident { Id = Guid.NewGuid(), Phone = phone, CreatedAt = now, LastSignInAt = now };
            db.Residents.Add(resident);
            try
            {
                await db.SaveChangesAsync(ct);
                return resident;
            }
            catch (DbUpdateException)
            {
                // The same number signed in twice at once: the other request created the account.
                db.ChangeTracker.Clear();
                resident = await db.Residents.SingleAsync(r => r.Phone == phone, ct);
            }
        }

        resident.LastSignInAt = now;
        await db.SaveChangesAsync(ct);
        return resident;
    }

    private async Task CheckLimitsAsync(string phone, string address, DateTime now, CancellationToken ct)
    {
        var o = options.Value;
        var today = await db.ResidentSignInCodes.AsNoTracking()
            .Where(c => c.Phone == phone && c.CreatedAt > now.AddDays(-1))
            .Select(c => c.CreatedAt)
            .ToListAsync(ct);
        if (today.Count > 0 && today.Max() + o.ResendAfter > now)
        {
            var wait = today.Max() + o.ResendAfter - now;
            throw DomainException.TooMany(wait, "SignIn.WaitBeforeResend", (int)Math.Ceiling(wait.TotalSeconds));
        }

        var lastHour = today.Where(at => at > now.AddHours(-1)).Order().ToList();
        if (lastHour.Count >= o.PerNumberPerHour)
        {
            throw DomainException.TooMany(lastHour[^o.PerNumberPerHour].AddHours(1) - now, "SignIn.TooManyForNumber");
        }

        if (today.Count >= o.PerNumberPerDay)
        {
            throw DomainException.TooMany(today.Order().ToList()[^o.PerNumberPerDay].AddDays(1) - now, "SignIn.TooManyForNumber");
        }

        var fromAddress = await db.ResidentSignInCodes.AsNoTracking()
            .Where(c => c.RequestedFrom == address && c.CreatedAt > now.AddHours(-1))
            .Select(c => c.CreatedAt)
            .OrderByDescending(at => at)
            .Take(o.PerAddressPerHour)
            .ToListAsync(ct);
        if (fromAddress.Count >= o.PerAddressPerHour)
        {
            throw DomainException.TooMany(fromAddress[^1].AddHours(1) - now, "SignIn.TooManyFromAddress");
        }
    }

    private static string Hash(string salt, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(salt + code)));

    private static DomainException Invalid(string field, string key) =>
        DomainException.Invalid(new Dictionary<string, string[]> { [field] = [key] });

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
