using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Residents.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Callbacks;

/// <summary>The centre's callback page: the list with the reporter's number, the outcome form, the rating SMS.</summary>
public sealed class CallbackPageTests : CallbackTest
{
    private const string Page = "/Residents/Callbacks";

    [Fact]
    public async Task The_centre_calls_the_number_shown_and_records_the_outcome_by_form()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInToPagesAsync("wangjun");

        var page = await (await centre.GetAsync(Page)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"nav-callbacks\"", page);
        Assert.Contains(closed.Number, page);
        Assert.Contains($"href=\"tel:{Phone}\"", page);
        Assert.Contains("已劝说拆除停车棚，绿地恢复原状", page);
        Assert.Contains($"action=\"{Page}?handler=Outcome\"", page);
        Assert.Contains($"action=\"{Page}?handler=Sms\"", page);
        var id = await App.QueryAsync(db => db.Callbacks.Select(c => c.Id).SingleAsync());

        var posted = await centre.PostFormAsync(Page, $"{Page}?handler=Outcome", new()
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["outcome"] = "Reached",
            ["satisfaction"] = "Satisfied",
            ["comment"] = "居民很满意",
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await (await centre.GetAsync(posted.Headers.Location!.OriginalString)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"callback-recorded\"", after);
        Assert.Contains("data-testid=\"no-callbacks\"", after);
        Assert.Equal(Satisfaction.Satisfied, await App.QueryAsync(db => db.Events.Where(e => e.Id == closed.Id).Select(e => e.Satisfaction).SingleAsync()));
    }

    [Fact]
    public async Task A_refused_outcome_says_why_beside_the_list_and_records_nothing()
    {
        await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInToPagesAsync("wangjun");
        var id = await App.QueryAsync(db => db.Callbacks.Select(c => c.Id).SingleAsync());

        var refused = await centre.PostFormAsync(Page, $"{Page}?handler=Outcome", new()
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["outcome"] = "Reached",
            ["comment"] = "忘了选满意度",
        });

        var page = await refused.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("data-testid=\"form-errors\"", page);
        Assert.Contains("忘了选满意度", page);
        Assert.Equal(CallbackStatus.Due, await App.QueryAsync(db => db.Callbacks.Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_callback_someone_else_recorded_meanwhile_is_refused_on_the_page()
    {
        await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInToPagesAsync("wangjun");
        var form = await (await centre.GetAsync(Page)).ShouldBePage(HttpStatusCode.OK);
        var id = await App.QueryAsync(db => db.Callbacks.Select(c => c.Id).SingleAsync());
        await (await App.SignInAsync("zhanghui")).RecordAsync(id, "Declined");

        var refused = await centre.PostFormAsync(Page, $"{Page}?handler=Outcome", new()
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["outcome"] = "Reached",
            ["satisfaction"] = "Satisfied",
        });

        Assert.Contains("data-testid=\"outcome-form\"", form);
        var page = await refused.ShouldBePage(HttpStatusCode.Conflict);
        Assert.Contains("该回访已记录结果", page);
        Assert.Equal(CallbackStatus.Declined, await App.QueryAsync(db => db.Callbacks.Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_rating_sms_button_texts_the_reporter()
    {
        await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInToPagesAsync("wangjun");
        var id = await App.QueryAsync(db => db.Callbacks.Select(c => c.Id).SingleAsync());

        var posted = await centre.PostFormAsync(Page, $"{Page}?handler=Sms", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Single(App.Sink().Messages, m => m.Phone == Phone);
        var after = await (await centre.GetAsync(posted.Headers.Location!.OriginalString)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"sms-sent\"", after);
    }

    [Fact]
    public async Task Staff_who_are_not_centre_dispatchers_may_not_open_it_nor_see_the_link()
    {
        await ClosedWithReporterPhoneAsync();

        foreach (var userName in new[] { "qiumeiling", "chenliting", "liuqiang", "liming" })
        {
            var staff = await App.SignInToPagesAsync(userName);
            var refused = await (await staff.GetAsync(Page)).ShouldBeForbiddenPage();
            Assert.DoesNotContain(Phone, refused);
            Assert.DoesNotContain("nav-callbacks", await staff.GetStringAsync("/Events/Todo"));
        }
    }

    [Fact]
    public async Task Another_streets_centre_opens_an_empty_list()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        await ChaoyangDispatcherAsync();
        var chaoyang = await App.SignInToPagesAsync("chaoyangdispatch", "Start@2026");

        var page = await (await chaoyang.GetAsync(Page)).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("data-testid=\"no-callbacks\"", page);
        Assert.DoesNotContain(closed.Number, page);
        Assert.DoesNotContain(Phone, page);
    }
}
