using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Calendar;

/// <summary>工作日历: one year's holidays and adjusted working days, as a list to edit and as months to read.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class IndexModel(CalendarAdmin admin, CallerAccessor callers, TimeProvider clock, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DayForm Input { get; set; } = new();

    [BindProperty]
    public DayForm Edit { get; set; } = new();

    public CalendarYear Calendar { get; private set; } = null!;

    /// <summary>The date whose edit form was refused, so its errors show beside it.</summary>
    public DateOnly? RefusedDate { get; private set; }

    /// <summary>The add form was refused: its errors show above it.</summary>
    public bool AddRefused { get; private set; }

    public int ShownYear => Year ?? LocalTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await callers.GetAsync(ct), ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => ActAsync(null, (caller, ct) =>
        admin.AddAsync(ShownYear, new CalendarDayRequest(Input.Date, Input.Kind, Input.Name), caller, ct), ct);

    public Task<IActionResult> OnPostUpdateAsync(DateOnly date, CancellationToken ct) => ActAsync(date, (caller, ct) =>
        admin.UpdateAsync(ShownYear, date, new CalendarDayEdit(Edit.Kind, Edit.Name), caller, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken ct) => ActAsync(date, (caller, ct) => admin.RemoveAsync(ShownYear, date, caller, ct), ct);

    private async Task<IActionResult> ActAsync(DateOnly? date, Func<Caller, CancellationToken, Task> action, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            await action(caller, ct);
            return RedirectToPage(new { year = ShownYear });
        }
        catch (DomainException refusal)
        {
            RefusedDate = date;
            AddRefused = date is null;
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under(date is null ? "Input" : "Edit", field));
            Response.StatusCode = refusal.Status;
            return await ShowAsync(caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Caller caller, CancellationToken ct)
    {
        try
        {
            Calendar = await admin.YearAsync(ShownYear, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status400BadRequest)
        {
            // A year out of range in the address: show this year instead of an error page.
            Year = null;
            Calendar = await admin.YearAsync(ShownYear, caller, ct);
        }

        return Page();
    }

    public sealed class DayForm
    {
        public DateOnly? Date { get; set; }
        public CalendarDayKind? Kind { get; set; }
        public string? Name { get; set; }
    }
}
