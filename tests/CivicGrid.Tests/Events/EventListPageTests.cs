using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Events;

/// <summary>事件查询 as a page: its pager opens the pages after the first.</summary>
public sealed class EventListPageTests : AppTest
{
    [Fact]
    public async Task The_next_link_opens_the_second_page_of_the_list()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var grid = await SpotInGridAsync("毅阳社区", 3);
        for (var i = 0; i < 21; i++)
        {
            await qiu.ReportAsync(EventsClient.Report(grid, title: $"翻页事件{i:D2}"));
        }

        var pages = await App.SignInToPagesAsync("qiumeiling");
        var second = await pages.GetAsync("/Events?q=%E7%BF%BB%E9%A1%B5&page=2");
        await second.ShouldBe(HttpStatusCode.OK);
        var html = await second.Content.ReadAsStringAsync();

        Assert.Contains("第 2/2 页，共 21 件", html);
        Assert.Contains("翻页事件00", html);
        Assert.DoesNotContain("翻页事件20", html);
    }
}
