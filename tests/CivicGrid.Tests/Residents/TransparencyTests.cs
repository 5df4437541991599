using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Residents.Transparency;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents;

/// <summary>
/// Anyone can see, per street, how many reports came in over the last 30 days, how many were closed,
/// how many on time and how satisfied people were, and nothing about who.
/// </summary>
public sealed class TransparencyTests : AppTest
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_street_counts_its_last_30_days_and_the_window_moves_at_midnight_in_China()
    {
        var street = await UnitAsync("蓝田街道");
        var anyone = App.CreateClient();
        await BuildAMonthAsync();

        // 23 December, 23:50 in Beijing: the window is 24 November to 23 December.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 23, 23, 50, 0, Beijing));
        var figures = await FiguresAsync(anyone, street);

        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 23)), (figures.From, figures.To));
        Assert.Equal(3, figures.Received);
        Assert.Equal(1, figures.ReceivedFromResidents);
        Assert.Equal(1, figures.SetAside);
        Assert.Equal(3, figures.Closed);
        Assert.Equal(1, figures.ClosedOnTime);
        Assert.Equal(0.3333, figures.OnTimeShare);
        Assert.Equal((3, 1, 1, 1), (figures.Ratings, figures.Satisfied, figures.BasicallySatisfied, figures.Unsatisfied));
        Assert.Equal(0.6667, figures.SatisfiedShare);
        Assert.Equal(new[] { (9, 2), (1, 1) }, figures.TopCategories.Select(c => (c.CategoryId, c.Received)));

        // Midnight: 24 November, when the first report in the window was made and closed, drops out.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 0, 0, 0, Beijing));
        figures = await FiguresAsync(anyone, street);

        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 24)), (figures.From, figures.To));
        Assert.Equal((2, 0, 1), (figures.Received, figures.ReceivedFromResidents, figures.SetAside));
        Assert.Equal((2, 0, 0.0), (figures.Closed, figures.ClosedOnTime, figures.OnTimeShare));
        Assert.Equal((2, 0.5), (figures.Ratings, figures.SatisfiedShare));
    }

    [Fact]
    public async Task Another_street_shows_none_of_these_reports()
    {
        await BuildAMonthAsync();

        var figures = await FiguresAsync(App.CreateClient(), await UnitAsync("朝阳街道"));

        Assert.Equal((0, 0, 0, 0), (figures.Received, figures.SetAside, figures.Closed, figures.Ratings));
        Assert.Null(figures.OnTimeShare);
        Assert.Null(figures.SatisfiedShare);
        Assert.Empty(figures.TopCategories);
    }

    [Fact]
    public async Task Figures_are_counted_again_only_after_a_few_minutes()
    {
        var street = await UnitAsync("蓝田街道");
        var anyone = App.CreateClient();
        var chen = await App.SignInAsync("chenliting");
        await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1)));
        Assert.Equal(1, (await FiguresAsync(anyone, street)).Received);

        await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1)));
        App.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, (await FiguresAsync(anyone, street)).Received);

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await FiguresAsync(anyone, street)).Received);
    }

    [Fact]
    public async Task Anything_that_is_not_a_street_is_not_found()
    {
        var anyone = App.CreateClient();

        await (await anyone.GetAsync("/api/v1/public/streets/999999/transparency")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await anyone.GetAsync($"/api/v1/public/streets/{await UnitAsync("毅阳社区")}/transparency")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await anyone.GetAsync($"/api/v1/public/streets/{await UnitAsync("蓝田街道综治中心")}/transparency")).ShouldBeProblem(HttpStatusCode.NotFound);
        var page = await (await anyone.GetAsync("/r/streets/999999")).ShouldBePage(HttpStatusCode.NotFound);
        Assert.Contains("没有找到这个街道", page);
    }

    [Fact]
    public async Task Anyone_can_list_the_streets()
    {
        var anyone = App.CreateClient();

        var streets = await (await anyone.GetAsync("/api/v1/public/streets")).ShouldBe<List<PublicStreet>>(HttpStatusCode.OK);
        var page = await (await anyone.GetAsync("/r/streets")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(new[] { "蓝田街道", "朝阳街道", "步文街道" }.Order(), streets.Select(s => s.Name).Order());
        Assert.All(streets, s => Assert.Contains($"href=\"/r/streets/{s.Id}\"", page));
        var openApi = await (await anyone.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/public/streets/{streetId}/transparency", openApi);
    }

    [Fact]
    public async Task The_page_says_what_each_figure_means_and_names_no_one()
    {
        var street = await UnitAsync("蓝田街道");
        await BuildAMonthAsync();
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 23, 12, 0, 0, Beijing));
        var anyone = App.CreateClient();

        var page = await (await anyone.GetAsync($"/r/streets/{street}")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("蓝田街道 · 公开透明", page);
        Assert.Contains("2026-11-24 至 2026-12-23", page);
        Assert.Contains("33%", page);
        Assert.Contains("67%", page);
        Assert.Contains("共 3 个评价", page);
        Assert.Contains("不含已作废的和作为重复合并到别的上报里的", page);
        Assert.Contains("每一个环节", page);
        var people = await App.QueryAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        var places = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Id != street).Select(u => u.Name).ToListAsync());
        Assert.All(people.Concat(places).Append("毅阳社区 12 栋东侧绿地").Append("绿地私搭停车棚"), name => Assert.DoesNotContain(name, page));
    }

    [Fact]
    public async Task The_page_and_the_categories_read_in_English()
    {
        var street = await UnitAsync("蓝田街道");
        await BuildAMonthAsync();
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 23, 12, 0, 0, Beijing));
        var english = await App.QueryAsync(db => db.Categories.Where(c => c.Id == 9).Select(c => c.NameEn).SingleAsync());

        var page = await (await App.CreateClient().GetAsync($"/r/streets/{street}?culture=en")).ShouldBePage(HttpStatusCode.OK);
        var figures = await FiguresAsync(App.CreateClient(), street, "?culture=en");

        Assert.Contains("Reports received", page);
        Assert.Contains("Last 30 days: 2026-11-24 to 2026-12-23 (China time)", page);
        Assert.Contains("out of 3 ratings", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(english), page);
        Assert.Equal(english, figures.TopCategories[0].Category);
    }

    /// <summary>
    /// In 蓝田街道 from 23 November to 10 December (clock from 09:00 Beijing on the 23rd): on the 23rd one
    /// report, later closed late; on the 24th a resident's report closed at once and rated satisfied; on
    /// the 25th one closed after its deadline passed and rated unsatisfied, one voided, one still open.
    /// </summary>
    private async Task BuildAMonthAsync()
    {
        var chen = await App.SignInAsync("chenliting");
        var spot = await SpotInGridAsync("毅阳社区", 1);
        var before = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spot, categoryId: 9)), EventAction.Accept);

        App.Clock.Advance(TimeSpan.FromDays(1));
        chen = await App.SignInAsync("chenliting");
        // A resident's report phoned in goes to the grid it stands in, whose worker takes it.
        var qiu = await App.SignInAsync("qiumeiling");
        var phoned = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), source: "Resident"));
        var quick = await qiu.ActAsync(await qiu.ActAsync(await qiu.GetEventAsync(phoned.Id), EventAction.Accept), EventAction.Close, note: "已拆除");
        await chen.ActAsync(quick, EventAction.Evaluate, satisfaction: Satisfaction.Satisfied);

        App.Clock.Advance(TimeSpan.FromDays(1));
        chen = await App.SignInAsync("chenliting");
        var late = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spot, categoryId: 9)), EventAction.Accept);
        await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spot, categoryId: 9)), EventAction.Void, note: "重复上报");
        await chen.ReportAsync(EventsClient.Report(spot, categoryId: 9));

        App.Clock.Advance(TimeSpan.FromDays(15));
        await App.SweepAsync();
        chen = await App.SignInAsync("chenliting");
        late = await chen.ActAsync(await chen.GetEventAsync(late.Id), EventAction.Close, note: "已拆除");
        await chen.ActAsync(late, EventAction.Evaluate, satisfaction: Satisfaction.Unsatisfied);
        before = await chen.ActAsync(await chen.GetEventAsync(before.Id), EventAction.Close, note: "已调解");
        await chen.ActAsync(before, EventAction.Evaluate, satisfaction: Satisfaction.BasicallySatisfied);
    }

    private static async Task<StreetFigures> FiguresAsync(HttpClient client, int street, string query = "") =>
        await (await client.GetAsync($"/api/v1/public/streets/{street}/transparency{query}")).ShouldBe<StreetFigures>(HttpStatusCode.OK);
}
