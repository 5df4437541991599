using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>
/// 人员详情: a person of the caller's registry reach, masked; where they live in the reach; their
/// history; a form to correct them; and, for staff allowed to, a full number shown once on a reason.
/// </summary>
[Authorize]
public sealed class PersonModel(
    PersonDetail details,
    PersonDesk desk,
    ChangeLines changeLines,
    CareTagList careTags,
    CallerAccessor callers,
    IStringLocalizer<Text> text) : PageModel
{
    /// <summary>Null when the person does not exist for the caller (404).</summary>
    public PersonView? Person { get; private set; }

    public IReadOnlyList<string> HistoryLines { get; private set; } = [];

    public IReadOnlyList<CareTagOption> CareTags { get; private set; } = [];

    [BindProperty]
    public PersonForm Edit { get; set; } = new();

    /// <summary>A full number, shown on this one response to an unmask request and never again.</summary>
    public (PersonalField Field, string Number)? Revealed { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(id, await callers.GetAsync(ct), fillForm: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await details.ForAsync(id, caller, ct);
            await desk.UpdateAsync(id, new PersonInput(Edit.Name, null, Edit.Phone, Edit.RegistrationPlace, Edit.CareTagIds), caller, ct);
            return RedirectToPage(new { id, saved = true });
        }
        catch (DomainException refusal)
        {
            return await RefusedAsync(id, caller, refusal, "Edit", ct);
        }
    }

    public async Task<IActionResult> OnPostUnmaskAsync(long id, PersonalField field, string? reason, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            var number = await desk.UnmaskAsync(id, field, reason, caller, ct);
            await LoadAsync(id, caller, fillForm: true, ct);
            Revealed = (field, number);
            return Page();
        }
        catch (DomainException refusal)
        {
            return await RefusedAsync(id, caller, refusal, $"Unmask{field}", ct);
        }
    }

    /// <summary>
    /// The desk takes the person's ID number as their identity in every change; the page never has
    /// it (only the mask), so it is read here to pass along, and shown nowhere.
    /// </summary>

    private async Task<IActionResult> RefusedAsync(long id, Caller caller, DomainException refusal, string form, CancellationToken ct)
    {
        // Not being allowed at all is said at the top: the form it came from is not shown to this caller.
        ModelState.AddModelError(refusal.Status == StatusCodes.Status403Forbidden ? "Person.Form" : $"{form}.Form", text.Describe(refusal));
        foreach (var (field, keys) in refusal.FieldErrors)
        {
            foreach (var key in keys)
            {
                ModelState.AddModelError(PageRefusals.Under(form, field), text[key]);
            }
        }

        await LoadAsync(id, caller, fillForm: false, ct);
        Response.StatusCode = Person is null ? StatusCodes.Status404NotFound : refusal.Status;
        return Page();
    }

    private async Task LoadAsync(long id, Caller caller, bool fillForm, CancellationToken ct)
    {
        // Personal data: no shared or browser cache keeps a copy, least of all of a number shown in full.
        Response.Headers.CacheControl = "no-store";
        try
        {
            Person = await details.ForAsync(id, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        HistoryLines = await changeLines.DescribeAsync(Person.History, ct);
        CareTags = await careTags.ForPersonAsync(Person.CareTagIds, ct);
        if (fillForm)
        {
            Edit = new PersonForm { Name = Person.Name, RegistrationPlace = Person.RegistrationPlace, CareTagIds = [.. Person.CareTagIds] };
        }
    }

    public static string RoomOf(ResidenceView r) => $"{r.UnitName}{r.RoomNumber}";

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
