using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Tests.Residents.Callbacks;
using CivicGrid.Web.Demo;
using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Residents.Appointments;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Residents.Suggestions;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Demo;

/// <summary>A first run of the demo shows the residents' side at work: a callback due, reception hours, suggestions.</summary>
public sealed class DemoActivityTests : IAsyncLifetime
{
    private CivicGridFactory App { get; } = new() { Settings = { ["Database:SeedDemoActivity"] = "true" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task Wangjun_has_a_closed_residents_report_to_call_back()
    {
        var due = Assert.Single(await (await App.SignInAsync("wangjun")).DueCallbacksAsync());

        Assert.Equal((EventStatus.Closed, CallbackStatus.Due, DemoActivity.FirstResidentPhone), (due.EventStatus, due.Status, due.ReporterPhone));
        Assert.Equal("已联系车棚搭建户自行拆除，绿地已补种草皮。", due.ClosingNote);
        var e = await App.QueryAsync(db => db.Events.SingleAsync(x => x.Id == due.EventId));
        Assert.Equal((EventSource.Resident, "毅阳社区"), (e.Source, await App.QueryAsync(db => db.OrgUnits.Where(u => u.Id == e.CommunityId).Select(u => u.Name).SingleAsync())));
    }

    [Fact]
    public async Task Chenliting_offers_reception_hours_in_the_coming_days_one_of_them_booked()
    {
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var slots = await (await (await App.SignInAsync("chenliting")).GetAsync("/api/v1/appointments/slots")).ShouldBe<List<MySlot>>(HttpStatusCode.OK);

        Assert.Equal(4, slots.Count);
        Assert.All(slots, s => Assert.True(s.StartsAt > now && s.StartsAt < now.AddDays(4)));
        Assert.Equal("小区电梯老化，想了解加装电梯的补助政策和申请流程", Assert.Single(slots, s => s.Booking is not null).Booking!.Topic);
        var resident = await App.SignInResidentAsync(DemoActivity.FirstResidentPhone);
        Assert.Equal(3, (await (await resident.GetAsync("/api/v1/resident/appointments/slots")).ShouldBe<List<FreeSlot>>(HttpStatusCode.OK)).Count);
    }

    [Fact]
    public async Task Landian_has_one_suggestion_answered_and_one_waiting()
    {
        var suggestions = (await (await (await App.SignInAsync("wangjun")).GetAsync("/api/v1/suggestions")).ShouldBe<Page<StaffSuggestion>>(HttpStatusCode.OK)).Items;

        Assert.Equal(2, suggestions.Count);
        Assert.All(suggestions, s => Assert.Equal("蓝田街道", s.Street));
        Assert.Single(suggestions, s => s.Reply is null);
        Assert.Equal("王军", Assert.Single(suggestions, s => s.Reply is not null).RepliedByName);
        var mine = await (await (await App.SignInResidentAsync(DemoActivity.FirstResidentPhone)).GetAsync("/api/v1/resident/suggestions")).ShouldBe<List<MySuggestion>>(HttpStatusCode.OK);
        Assert.NotNull(Assert.Single(mine).Reply);
    }
}
