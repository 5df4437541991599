using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Indicators;

/// <summary>The demo's events, planted through the workflow at first start, count in the indicators at once.</summary>
public sealed class DemoOutcomeTests : IAsyncLifetime
{
    private CivicGridFactory App { get; } = new() { Settings = { ["Database:SeedDemoActivity"] = "true" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task Every_demo_event_has_its_outcome_row_from_the_start()
    {
        var events = await App.QueryAsync(db => db.Events.OrderBy(e => e.Id).Select(e => new { e.Id, e.Status, e.ClosedAt }).ToListAsync());
        var rows = await App.QueryAsync(db => db.EventOutcomes.OrderBy(o => o.EventId).Select(o => new { Id = o.EventId, o.Status, o.ClosedAt }).ToListAsync());

        Assert.NotEmpty(events);
        Assert.Equal(events, rows);
        var district = await App.SignInAsync("zhanghui");
        Assert.Equal(events.Count, (await district.IndicatorsAsync("from=2024-01-01&to=2026-11-23")).Totals.Received);
    }
}
