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

namespace CivicGrid.Web.Dispatch.Rules;

/// <summary>"Who would get this?": a category and a place (a unit, or a point), the rule that fires and why the others lost. Nothing is written.</summary>
[Authorize(Policy = DispatchRuleManagers.Policy)]
public sealed class DryRunModel(
    DispatchRuleAdmin admin,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    ReferenceSnapshot<OrganisationTree> organisation,
    CallerAccessor callers,
    IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PlaceId { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? Latitude { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? Longitude { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CentreId { get; set; }

    public RuleChoices Choices { get; private set; } = new([], [], [], [], []);

    public DryRunResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        Choices = await RuleChoices.ForAsync(caller, catalogue, organisation, ct);
        if (CategoryId is null && PlaceId is null && Latitude is null && Longitude is null)
        {
            return Page();
        }

        try
        {
            Result = await admin.DryRunAsync(new DryRunRequest(CategoryId, PlaceId, Latitude, Longitude, CentreId), caller, ct);
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, PageRefusals.Property);
            Response.StatusCode = refusal.Status;
        }

        return Page();
    }
}
