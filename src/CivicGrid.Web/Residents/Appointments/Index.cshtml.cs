using CivicGrid.Web.Categories;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Appointments;

/// <summary>The representative's own slots: publish and withdraw them, see who booked and why, record the meeting, turn it into an event.</summary>
[Authorize(Policy = Representatives.Policy)]
public sealed class IndexModel(AppointmentBook book, CallerAccessor callers, ReferenceSnapshot<CategoryCatalogue> catalogue, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<MySlot> Slots { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Places { get; private set; } = [];
    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public string? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await callers.GetAsync(ct), ct);

    /// <summary>The form names a Beijing time and a length, as a person plans a meeting; the book stores UTC.</summary>
    public Task<IActionResult> OnPostPublishAsync(DateTime? startsAt, int? minutes, string? place, int? unitId, CancellationToken ct) =>
        ActAsync(caller => book.PublishAsync(caller, new SlotRequest(
            startsAt is { } start ? LocalTime.ToUtc(start) : null,
            startsAt is { } from && minutes is { } length ? LocalTime.ToUtc(from).AddMinutes(length) : null,
            place,
            unitId), ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct) => ActAsync(caller => book.RemoveAsync(caller, id, ct), ct);

    public Task<IActionResult> OnPostOutcomeAsync(long id, string? outcome, CancellationToken ct) =>
        ActAsync(caller => book.RecordAsync(caller, id, new OutcomeRequest(outcome), ct), ct);

    public Task<IActionResult> OnPostEventAsync(long id, int? categoryId, double? latitude, double? longitude, string? address, CancellationToken ct) =>
        ActAsync(caller => book.ToEventAsync(caller, id, new ToEventRequest(categoryId, latitude, longitude, address, null), ct), ct);

    private async Task<IActionResult> ActAsync(Func<Caller, Task> act, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await act(caller);
            return RedirectToPage("/Residents/Appointments/Index", new { saved = true });
        }
        catch (DomainException refusal)
        {
            Refusal = text.Describe(refusal);
            foreach (var keys in refusal.FieldErrors.Values)
            {
                Refusal += " " + string.Join(" ", keys.Select(key => text[key].Value));
            }

            Response.StatusCode = refusal.Status;
            await LoadAsync(caller, ct);
            return Page();
        }
    }

    private async Task LoadAsync(Caller caller, CancellationToken ct)
    {
        Slots = await book.SlotsAsync(caller, ct);
        Places = await book.PlacesAsync(caller, ct);
        Categories = (await catalogue.GetAsync(ct)).Tree;
    }
}
