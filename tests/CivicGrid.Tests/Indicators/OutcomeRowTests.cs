using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Indicators;
using CivicGrid.Web.Indicators.Cells;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Indicators;

/// <summary>
/// Every save that changes what became of an event rewrites its outcome row and adds the
/// difference to the stored cells in the same save, so the rows always equal what projecting each
/// event from scratch gives, and the cells what counting those rows from scratch gives.
/// </summary>
public sealed class OutcomeRowTests : AppTest
{
    [Fact]
    public async Task Rows_and_cells_kept_by_every_kind_of_save_equal_those_counted_from_scratch()
    {
        var chen = await App.SignInAsync("chenliting");
        var centre = await App.SignInAsync("wangjun");
        var qiu = await App.SignInAsync("qiumeiling");
        var spot = await SpotInGridAsync("毅阳社区", 1);

        // Handled by the community, rated unsatisfied, reopened, handled again.
        var local = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spot, categoryId: 9)), EventAction.Accept);
        App.Clock.Advance(TimeSpan.FromHours(2));
        local = await chen.ActAsync(await chen.ActAsync(local, EventAction.Close, note: "已调解"), EventAction.Evaluate, satisfaction: Satisfaction.Unsatisfied);
        local = await chen.ActAsync(await chen.ActAsync(local, EventAction.Reopen, note: "居民不满意"), EventAction.Accept);

        // Through the centre: returned by one department, led by another, reworked, verified.
        var dispatched = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3))), EventAction.Escalate, note: "请街道处理");
        dispatched = await centre.ActAsync(await centre.ActAsync(await centre.GetEventAsync(dispatched.Id), EventAction.Register), EventAction.Dispatch, target: await UnitAsync("蓝田市场监管所"));
        var market = await App.SignInAsync("wuhong");
        await market.ActAsync(await market.GetEventAsync(dispatched.Id), EventAction.Return, note: "不属于市场监管职责");
        await centre.ActAsync(await centre.GetEventAsync(dispatched.Id), EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"));
        var chengguan = await App.SignInAsync("liuqiang");
        App.Clock.Advance(TimeSpan.FromMinutes(45));
        await chengguan.ActAsync(await chengguan.ActAsync(await chengguan.GetEventAsync(dispatched.Id), EventAction.SignFor), EventAction.Feedback, note: "已处理");
        await qiu.ActAsync(await qiu.GetEventAsync(dispatched.Id), EventAction.Rework, note: "车棚仍在");
        await chengguan.ActAsync(await chengguan.GetEventAsync(dispatched.Id), EventAction.Feedback, note: "已拆除");
        await qiu.ActAsync(await qiu.GetEventAsync(dispatched.Id), EventAction.Verify);

        // Voided, merged as a duplicate, moved to another grid, solved on the spot.
        await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spot)), EventAction.Void, note: "误报");
        var duplicate = await chen.ReportAsync(EventsClient.Report(spot));
        await chen.ActAsync(duplicate, EventAction.Merge, note: "重复", targetEvent: local.Id);
        var moved = await chen.ReportAsync(EventsClient.Report(spot));
        var elsewhere = await SpotInGridAsync("毅阳社区", 3);
        await (await chen.TryAsync(moved.Id, EventAction.Relocate, new TransitionRequest(moved.Version, "位置报错", Latitude: elsewhere.Latitude, Longitude: elsewhere.Longitude, Address: "毅阳社区 3 号楼")))
            .ShouldBe<EventDetail>(HttpStatusCode.OK);
        await (await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", EventsClient.Report(elsewhere, title: "楼道杂物", description: "已劝说住户清理楼道杂物")))
            .ShouldBe<EventDetail>(HttpStatusCode.Created);

        // Left open past its deadlines: the sweep records it, a supervision order presses for an answer.
        var late = await chen.ReportAsync(EventsClient.Report(spot));
        App.Clock.Advance(TimeSpan.FromDays(15));
        await App.SweepAsync();
        centre = await App.SignInAsync("wangjun");
        await centre.IssueAsync(late.Id, "请尽快处理", App.Clock.GetUtcNow().AddDays(1));
        App.Clock.Advance(TimeSpan.FromDays(2));
        await App.SweepAsync();

        var kept = await RowsAsync();
        var keptCells = await CellsAsync();
        await App.QueryAsync(db => new CellCompaction(db).RunAsync(FoldedUpTo.Nothing, CancellationToken.None));
        Assert.Equal(keptCells, await CellsAsync());
        Assert.Equal(keptCells.Count, await App.QueryAsync(async db => await db.UnitCells.CountAsync() + await db.UnitSteps.CountAsync() + await db.UnitSquares.CountAsync()));

        await App.QueryAsync(db => db.EventOutcomes.ExecuteDeleteAsync());
        var rebuilt = await App.QueryAsync(db => OutcomeBackfill.RunAsync(db, CancellationToken.None));
        var fromScratch = await RowsAsync();

        Assert.Equal(await App.QueryAsync(db => db.Events.CountAsync()), rebuilt);
        Assert.Equal(fromScratch, kept);
        Assert.Equal(keptCells, await CellsAsync());
        var rows = await App.QueryAsync(db => db.EventOutcomes.AsNoTracking().ToDictionaryAsync(o => o.EventId));
        Assert.Equal((1, 1, 1, "蓝田街道城管办"), (rows[dispatched.Id].ReturnCount, rows[dispatched.Id].ReworkCount, rows[dispatched.Id].ClosedOnTime == true ? 1 : 0,
            await App.QueryAsync(db => db.OrgUnits.Where(u => u.Id == rows[dispatched.Id].LeadDepartmentId).Select(u => u.Name).SingleAsync())));
        Assert.Equal((Satisfaction.Unsatisfied, (DateTime?)null), (rows[local.Id].Rating, rows[local.Id].ClosedAt));
        Assert.True(rows[duplicate.Id].Excluded);
        Assert.Equal(await GridAsync("毅阳社区", 3), rows[moved.Id].GridId);
        Assert.Equal((1, 1, 1), (rows[late.Id].OverdueCount, rows[late.Id].SupervisionOrders, rows[late.Id].SupervisionUnanswered));
    }

    /// <summary>The stored cells, step counts and heat squares, each key's rows summed.</summary>
    private Task<List<string>> CellsAsync() => App.QueryAsync(async db =>
    {
        var sums = new CellLedger();
        (await db.UnitCells.AsNoTracking().ToListAsync()).ForEach(sums.Add);
        (await db.UnitSteps.AsNoTracking().ToListAsync()).ForEach(sums.Add);
        (await db.UnitSquares.AsNoTracking().ToListAsync()).ForEach(sums.Add);
        return sums.Cells().Select(c => JsonSerializer.Serialize(c))
            .Concat(sums.Steps().Select(s => JsonSerializer.Serialize(s)))
            .Concat(sums.Squares().Select(s => JsonSerializer.Serialize(s)))
            .Order().ToList();
    });

    private Task<List<string>> RowsAsync() => App.QueryAsync(async db =>
        (await db.EventOutcomes.AsNoTracking().OrderBy(o => o.EventId).ToListAsync())
            .Select(o => JsonSerializer.Serialize(o))
            .ToList());
}
