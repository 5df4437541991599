using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Appointments;

/// <summary>预约党代表 on the phone: free slots of the next 14 days, booking with a topic, my bookings and cancelling them.</summary>
[Authorize(Policy = ResidentAuth.PagePolicy)]
public sealed class BookModel(AppointmentBook book, ResidentAccessor residents, IStringLocalizer<Text> text) : PageModel
{
    public Resident? Resident { get; private set; }
    public IReadOnlyList<FreeSlot> Free { get; private set; } = [];
    public IReadOnlyList<MyAppointment> Mine { get; private set; } = [];

    /// <summary>The communities that have free slots, for the filter; taken from all free slots so the choice never empties itself.</summary>
    public IReadOnlyList<(int Id, string Name)> Communities { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Booked { get; set; }

    public string? Refusal { get; private set; }
    public long? RefusedSlotId { get; private set; }
    public string? Topic { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostBookAsync(long slotId, string? topic, CancellationToken ct)
    {
        try
        {
            await book.BookAsync(await residents.RequireAsync(ct), new BookRequest(slotId, topic), ct);
            return Redirect("/r/appointments?booked=true");
        }
        catch (DomainException refusal)
        {
            (RefusedSlotId, Topic) = (slotId, topic);
            return await RefuseAsync(refusal, ct);
        }
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        try
        {
            await book.CancelAsync(await residents.RequireAsync(ct), id, ct);
            return Redirect("/r/appointments");
        }
        catch (DomainException refusal)
        {
            return await RefuseAsync(refusal, ct);
        }
    }

    private async Task<IActionResult> RefuseAsync(DomainException refusal, CancellationToken ct)
    {
        Refusal = text.Describe(refusal);
        foreach (var keys in refusal.FieldErrors.Values)
        {
            Refusal += " " + string.Join(" ", keys.Select(key => text[key].Value));
        }

        Response.StatusCode = refusal.Status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Resident = await residents.RequireAsync(ct);
        var all = await book.FreeAsync(null, ct);
        Communities = all.Select(s => (s.ServesUnitId, s.ServesUnitName)).Distinct().OrderBy(c => c.ServesUnitName, StringComparer.Ordinal).ToList();
        Free = UnitId is { } unit ? all.Where(s => s.ServesUnitId == unit).ToList() : all;
        Mine = await book.MineAsync(Resident, ct);
    }
}
