using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;

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

    private static async Task<List<long>> FoundAsync(HttpClient client, string q)
    {
        var page = await (await client.GetAsync("/api/v1/events?q=" + Uri.EscapeDataString(q))).ShouldBe<Page<EventSummary>>(HttpStatusCode.OK);
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(e => e.Id).ToList();
    }
}
