using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Callbacks;

/// <summary>
/// The application with every reachable closed event picked for a callback (share 1), so the
/// scenarios do not depend on which numbers the sample happens to draw.
/// </summary>
public abstract class CallbackTest : IAsyncLifetime
{
    protected const string Phone = "13912345678";

    protected CivicGridFactory App { get; } = new() { Settings = { ["Residents:Callback:SampleShare"] = "1" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>
    /// 邱美灵 reports in 毅阳社区 grid 3 with a number to call back, and 陈立婷 handles and closes it.
    /// The number is put in the database, where a resident's report (built elsewhere) leaves it.
    /// </summary>
    protected async Task<EventDetail> ClosedWithReporterPhoneAsync(string title = "绿地私搭停车棚", string? phone = Phone)
    {
        var reporter = await App.SignInAsync("qiumeiling");
        var reported = await reporter.ReportAsync(EventsClient.Report(await SpotInYiyangAsync(), title: title));
        if (phone is not null)
        {
            await App.QueryAsync(db => db.Events.Where(e => e.Id == reported.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReporterPhone, phone)));
        }

        var head = await App.SignInAsync("chenliting");
        var handling = await head.ActAsync(reported, EventAction.Accept);
        return await head.ActAsync(handling, EventAction.Close, note: "已劝说拆除停车棚，绿地恢复原状");
    }

    protected async Task<Spot> SpotInYiyangAsync()
    {
        var grid = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync());
        return await App.SpotInGridAsync(grid);
    }

    /// <summary>A dispatcher of 朝阳街道's centre: another street than the events of these tests.</summary>
    protected async Task<HttpClient> ChaoyangDispatcherAsync()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("chaoyangdispatch", "Dispatcher", await App.IdOfUnitAsync("朝阳街道综治中心"));
        return await App.SignInAsync("chaoyangdispatch", "Start@2026");
    }
}
