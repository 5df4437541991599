using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Notifications.Texts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>
/// What the development gateway would have sent, for a demo or a test by hand. It exists only
/// while the sink is the gateway; an administrator sees the messages to staff of their own subtree.
/// </summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class SmsModel(SmsSink sink, IOptions<SmsOptions> options, CallerAccessor callers, CivicGridDb db) : PageModel
{
    public sealed record Row(SmsSink.SinkedSms Sms, SmsLength Length);

    public IReadOnlyList<Row> Messages { get; private set; } = [];

    public static bool IsShown(SmsOptions options) => options.Gateway == SmsGateways.Sink;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsShown(options.Value))
        {
            return NotFound();
        }

        var scope = Administrators.ScopeOf(await callers.GetAsync(ct));
        var phones = (await db.Users.AsNoTracking()
            .Where(u => u.PhoneNumber != null && u.Unit!.Path.StartsWith(scope))
            .Select(u => u.PhoneNumber!)
            .ToListAsync(ct)).ToHashSet();
        Messages = sink.Messages.Where(m => phones.Contains(m.Phone)).Select(m => new Row(m, SmsLength.Of(m.Text))).ToList();
        return Page();
    }
}
