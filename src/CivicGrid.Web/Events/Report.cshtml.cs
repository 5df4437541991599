using System.Globalization;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events.Attachments;
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

namespace CivicGrid.Web.Events;

/// <summary>上报事件, or 自行处置 when the box is ticked: the same form, the two services of <see cref="EventReporting"/>.</summary>
[Authorize]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ReportModel(EventReporting reporting, OrganisationQueries organisation, ReferenceSnapshot<CategoryCatalogue> catalogue, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    // Room for a full batch of phone photos before and after; the attachment intake enforces the real per-file limits.
    private const long MaxUploadBytes = 200L * 1024 * 1024;

    [BindProperty]
    public ReportForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public List<IFormFile> AfterPhotos { get; set; } = [];

    public IReadOnlyList<CategoryView> Categories { get; private set; } = [];

    public IReadOnlyList<PlaceOption> Places { get; private set; } = [];

    public bool MaySolveOnSpot { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadOptionsAsync(await callers.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Unparsable inputs arrive as null and the service names the field, in our own words.
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        var (communityId, gridId) = ParsePlace(Input.Place);
        var request = new ReportRequest(Input.Title, Input.Description, Input.CategoryId, Input.Urgency, Input.Latitude, Input.Longitude, Input.Address, communityId, gridId, null);
        try
        {
            var photos = Photos.Select(Upload.From).ToList();
            var e = Input.SolvedOnSpot
                ? await reporting.SolveOnSpotAsync(request, photos, AfterPhotos.Select(Upload.From).ToList(), caller, ct)
                : await reporting.ReportAsync(request, photos, caller, ct);
            return RedirectToPage("/Events/Detail", new { id = e.Id });
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, FieldName);
            Response.StatusCode = refusal.Status;
            await LoadOptionsAsync(caller, ct);
            return Page();
        }
    }

    private async Task LoadOptionsAsync(Caller caller, CancellationToken ct)
    {
        Categories = (await catalogue.GetAsync(ct)).Active;
        Places = await organisation.PlacesAsync(caller, ct);
        MaySolveOnSpot = EventReporting.MaySolveOnSpot(caller.Role);
    }

    /// <summary>One select picks a community ("c:12") or a grid in it ("g:15").</summary>
    private static (int? CommunityId, int? GridId) ParsePlace(string? place) =>
        place?.Split(':') is [var kind, var id] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? kind switch { "c" => (value, null), "g" => (null, value), _ => (null, null) }
            : (null, null);

    private static string FieldName(string field) => field switch
    {
        "communityId" or "gridId" => "Input.Place",
        _ => PageRefusals.Under("Input", field),
    };

    public sealed class ReportForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public int? CategoryId { get; set; }
        public Urgency? Urgency { get; set; }
        public string? Place { get; set; }
        public string? Address { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public bool SolvedOnSpot { get; set; }
    }
}
