using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
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

/// <summary>Notices to the residents of the caller's place: write one, and see how each was received.</summary>
[Authorize(Policy = NoticeDesk.Policy)]
public sealed class IndexModel(NoticeBoard board, TagGroups groups, ReferenceSnapshot<OrganisationTree> organisation, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public sealed class NoticeForm
    {
        public int? AudienceId { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        /// <summary>Beijing time, as the datetime-local field sends it.</summary>
        public DateTime? MeetingAt { get; set; }
        public string? MeetingPlace { get; set; }
        public bool AsksAttendance { get; set; }
        /// <summary>A tag group instead of the whole grid or community.</summary>
        public long? TagGroupId { get; set; }
    }

    [BindProperty]
    public NoticeForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>The grids and communities the caller may write to, each named so it cannot be mistaken.</summary>
    public IReadOnlyList<(int Id, string Label)> Audiences { get; private set; } = [];

    public IReadOnlyList<TagGroupView> Groups { get; private set; } = [];

    public Page<StaffNotice> Notices { get; private set; } = new([], 1, PageRequest.MaxPageSize, 0);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var meetingAt = Input.MeetingAt is { } local ? LocalTime.ToUtc(local) : (DateTime?)null;
            var request = new NoticeRequest(Input.AudienceId, Input.Title, Input.Body, meetingAt, Input.MeetingPlace, Input.AsksAttendance, Input.TagGroupId);
            var sent = await board.SendAsync(request, await callers.GetAsync(ct), ct);
            return Redirect($"/Residents/Notices/{sent.Id}");
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
        var caller = await callers.GetAsync(ct);
        var tree = await organisation.GetAsync(ct);
        Audiences = [.. NoticeDesk.AudiencesOf(tree, caller).Select(a => (a.Id, NoticeBoard.AudienceLabel(a.Kind, tree.NameOf(a.ParentId), a.Name, null)))];
        Groups = await groups.ListAsync(caller, ct);
        Notices = await board.ListAsync(new PageRequest(PageNumber, PageRequest.MaxPageSize), caller, ct);
    }
}
