using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Search;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Events.Search;

/// <summary>Staff find events by a word of their title, address or description, or by their number, within what they may see.</summary>
public sealed class SearchTests : AppTest
{
    [Fact]
    public async Task A_two_character_word_finds_the_events_that_contain_it_newest_first()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var shed = await qiu.ReportAsync(EventsClient.Report(spot, title: "绿地私搭停车棚"));
        await qiu.ReportAsync(EventsClient.Report(spot, title: "路灯不亮", description: "晚上一片漆黑"));
        var rubbish = await qiu.ReportAsync(EventsClient.Report(spot, title: "垃圾堆在路边", description: "乱停车挡住了垃圾站"));

        Assert.Equal([rubbish.Id, shed.Id], await FoundAsync(qiu, "停车"));
        Assert.Equal([shed.Id], await FoundAsync(qiu, "停车棚"));
    }

    [Fact]
    public async Task A_phrase_matches_only_where_it_stands_whole()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "停车难", description: "车棚漏雨"));

        Assert.Empty(await FoundAsync(qiu, "停车棚"));
    }

    [Fact]
    public async Task One_character_finds_it_wherever_it_stands()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var shed = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "绿地私搭停车棚"));

        Assert.Equal([shed.Id], await FoundAsync(qiu, "棚"));
        Assert.Equal([shed.Id], await FoundAsync(qiu, "私"));
    }

    [Fact]
    public async Task The_number_is_found_whole_or_by_the_serial_read_aloud()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var serial = e.Number.Split('-')[1].TrimStart('0');

        Assert.Equal([e.Id], await FoundAsync(qiu, e.Number));
        Assert.Equal([e.Id], await FoundAsync(qiu, serial));
    }

    [Fact]
    public async Task Latin_letters_match_in_any_case()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "5G基站噪音 WiFi"));

        Assert.Equal([e.Id], await FoundAsync(qiu, "wifi"));
        Assert.Equal([e.Id], await FoundAsync(qiu, "5g基站"));
    }

    [Fact]
    public async Task A_corrected_address_is_found_by_its_new_words_only()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var chen = await App.SignInAsync("chenliting");
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var e = await qiu.ReportAsync(EventsClient.Report(spot));

        await (await chen.TryAsync(e.Id, EventAction.Relocate, new TransitionRequest(e.Version, "门牌写错了", Latitude: spot.Latitude, Longitude: spot.Longitude, Address: "毅阳社区 8 栋北侧花坛"))).ShouldBe<EventDetail>(HttpStatusCode.OK);

        Assert.Equal([e.Id], await FoundAsync(chen, "花坛"));
        Assert.Empty(await FoundAsync(chen, "东侧"));
    }

    [Fact]
    public async Task Another_community_s_events_are_not_found()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "井盖松动"));
        var huang = await App.SignInAsync("huangyan");

        Assert.Empty(await FoundAsync(huang, "井盖"));
        Assert.Empty(await FoundAsync(huang, "2026"));
    }

    [Fact]
    public async Task A_search_counts_a_thousand_matches_and_then_says_more()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var first = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        await App.QueryAsync(async db =>
        {
            var model = await db.Events.AsNoTracking().SingleAsync(e => e.Id == first.Id);
            for (var i = 1; i <= EventQueries.CountedUpTo + 4; i++)
            {
                model.Id = 0;
                model.Number = $"1999-{i:D6}";
                model.IndexText();
                db.Events.Add(model);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            return 0;
        });

        var firstPage = await SearchAsync(qiu, "停车棚");
        Assert.Equal((EventQueries.CountedUpTo, true), (firstPage.Total, firstPage.TotalIsLowerBound));
        Assert.Equal(20, firstPage.Items.Count);

        var lastPage = await SearchAsync(qiu, "停车棚", page: 51);
        Assert.Equal((EventQueries.CountedUpTo + 5, false), (lastPage.Total, lastPage.TotalIsLowerBound));
        Assert.Equal(5, lastPage.Items.Count);

        var onPage = await (await (await App.SignInToPagesAsync("qiumeiling")).GetAsync("/Events?q=" + Uri.EscapeDataString("停车棚"))).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains($"第 1 页，共 {EventQueries.CountedUpTo} 件以上", onPage);
        Assert.Contains("rel=\"next\"", onPage);
    }

    [Fact]
    public async Task An_event_stored_before_the_index_existed_is_found_after_the_backfill()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "井盖松动"));
        await App.QueryAsync(db => db.Events.Where(x => x.Id == e.Id).ExecuteUpdateAsync(x => x.SetProperty(v => v.SearchTerms, "")));
        Assert.Empty(await FoundAsync(qiu, "井盖"));

        await App.QueryAsync(async db =>
        {
            await EventSearchBackfill.RunAsync(db, CancellationToken.None);
            return 0;
        });

        Assert.Equal([e.Id], await FoundAsync(qiu, "井盖"));
    }

    private static async Task<Page<EventSummary>> SearchAsync(HttpClient client, string q, int page = 1) =>
        await (await client.GetAsync($"/api/v1/events?q={Uri.EscapeDataString(q)}&page={page}")).ShouldBe<Page<EventSummary>>(HttpStatusCode.OK);

    private static async Task<List<long>> FoundAsync(HttpClient client, string q)
    {
        var page = await SearchAsync(client, q);
        Assert.Equal((page.Items.Count, false), (page.Total, page.TotalIsLowerBound));
        return page.Items.Select(e => e.Id).ToList();
    }
}
