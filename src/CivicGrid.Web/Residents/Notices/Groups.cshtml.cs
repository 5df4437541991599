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

namespace CivicGrid.Web.Residents.Notices;

/// <summary>The tag groups of the caller's communities, and a form for a new one.</summary>
[Authorize(Policy = NoticeDesk.Policy)]
public sealed class GroupsModel(TagGroups groups, ReferenceSnapshot<OrganisationTree> organisation, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public int? CommunityId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public IReadOnlyList<UnitInfo> Communities { get; private set; } = [];
    public IReadOnlyList<TagGroupView> Groups { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var created = await groups.CreateAsync(new TagGroupRequest(CommunityId, Name), await callers.GetAsync(ct), ct);
            return Redirect($"/Residents/Notices/Groups/{created.Id}");
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => char.ToUpperInvariant(field[0]) + field[1..]);
            Response.StatusCode = refusal.Status;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        Communities = TagGroups.CommunitiesOf(await organisation.GetAsync(ct), caller);
        Groups = await groups.ListAsync(caller, ct);
    }
}
