using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using CivicGrid.Web.Residents.Transparency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Suggestions;

/// <summary>我有话说: write to a street, and read what it replied to earlier messages.</summary>
[Authorize(Policy = ResidentAuth.PagePolicy)]
public sealed class MineModel(SuggestionBox box, StreetTransparency streets, ResidentAccessor residents, IStringLocalizer<Text> text) : PageModel
{
    public sealed class SuggestionForm
    {
        public int? StreetId { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty]
    public SuggestionForm Input { get; set; } = new();

    public Resident? Resident { get; private set; }

    /// <summary>The same streets the transparency page lists.</summary>
    public List<PublicStreet> Streets { get; private set; } = [];

    public IReadOnlyList<MySuggestion> Suggestions { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var resident = await residents.RequireAsync(ct);
        try
        {
            await box.SendAsync(resident, new SuggestionRequest(Input.StreetId, Input.Text), ct);
            return RedirectToPage();
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under("Input", field));
            Response.StatusCode = refusal.Status;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Resident = await residents.RequireAsync(ct);
        Streets = await streets.StreetsAsync(ct);
        Suggestions = await box.MineAsync(Resident, ct);
    }
}
