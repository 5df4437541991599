using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Web.Supervision;

/// <summary>The top of the to-do list: supervision orders waiting for my unit's answer, and overdue events of the units my unit supervises.</summary>
public sealed class SupervisionTodoViewComponent(SupervisionQueries queries, CallerAccessor callers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var caller = await callers.GetAsync(ct);
        return View("/Supervision/_Todo.cshtml", new TodoView(await queries.AwaitingMyReplyAsync(caller, ct), await queries.NoticesAsync(caller, ct)));
    }
}

public sealed record TodoView(IReadOnlyList<SupervisionOrderView> Orders, IReadOnlyList<OverdueNoticeView> Notices);
