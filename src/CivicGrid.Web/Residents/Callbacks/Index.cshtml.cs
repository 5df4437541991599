using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Callbacks;

/// <summary>The centre's callback list (回访): due callbacks of its place, each with the reporter's number and a form for what the call came to.</summary>
[Authorize(Policy = CallbackDesk.Policy)]
public sealed class IndexModel(CallbackDeskWork desk, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>The event number whose callback was just recorded, named at the top after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Recorded { get; set; }

    /// <summary>The event number whose reporter was just sent the rating SMS.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Texted { get; set; }

    public Page<CallbackView> Callbacks { get; private set; } = new([], 1, 20, 0);

    /// <summary>The callback whose form was refused, and why; the form keeps what was entered.</summary>
    public long? RefusedId { get; private set; }
    public string? Refusal { get; private set; }
    public CallbackOutcome? Outcome { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public string? Comment { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await callers.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostOutcomeAsync(long id, CallbackOutcome? outcome, Satisfaction? satisfaction, string? comment, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            var recorded = await desk.RecordAsync(id, new RecordOutcomeRequest(outcome, satisfaction, comment), caller, ct);
            return Back("recorded", recorded.EventNumber);
        }
        catch (DomainException refusal)
        {
            (RefusedId, Outcome, Satisfaction, Comment) = (id, outcome, satisfaction, comment);
            return await RefuseAsync(refusal, caller, ct);
        }
    }

    public async Task<IActionResult> OnPostSmsAsync(long id, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            var texted = await desk.AskForRatingAsync(id, caller, ct);
            return Back("texted", texted.EventNumber);
        }
        catch (DomainException refusal)
        {
            RefusedId = id;
            return await RefuseAsync(refusal, caller, ct);
        }
    }

    private IActionResult Back(string what, string number)
    {
        // "page" is the page number here, not a Razor page, so the address is spelt out.
        var back = new Dictionary<string, string?> { [what] = number };
        if (PageNumber is { } page)
        {
            back["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return LocalRedirect(Url.Page("/Residents/Callbacks/Index") + QueryString.Create(back));
    }

    private async Task<IActionResult> RefuseAsync(DomainException refusal, Caller caller, CancellationToken ct)
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

    private async Task LoadAsync(Caller caller, CancellationToken ct) =>
        Callbacks = await desk.DueAsync(new PageRequest(PageNumber, null), caller, ct);
}
