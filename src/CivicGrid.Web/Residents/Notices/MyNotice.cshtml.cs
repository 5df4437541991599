using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>One notice: opening it is the read receipt; 参加/不参加 until the meeting begins.</summary>
[Authorize(Policy = ResidentAuth.PagePolicy)]
public sealed class MyNoticeModel(ResidentNotices notices, ResidentAccessor residents, IStringLocalizer<Text> text) : PageModel
{
    public Resident? Resident { get; private set; }
    public MyNotice? Notice { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Resident = await residents.RequireAsync(ct);
        try
        {
            Notice = await notices.OpenAsync(Resident, id, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnPostAsync(long id, NoticeAnswer? answer, CancellationToken ct)
    {
        Resident = await residents.RequireAsync(ct);
        try
        {
            await notices.AnswerAsync(Resident, id, new AnswerRequest(answer), ct);
            return RedirectToPage(new { id });
        }
        catch (DomainException refusal)
        {
            Response.StatusCode = refusal.Status;
            if (refusal.Status == StatusCodes.Status404NotFound)
            {
                return Page();
            }

            ModelState.AddRefusal(text, refusal, field => field);
            Notice = await notices.OpenAsync(Resident, id, ct);
            return Page();
        }
    }
}
