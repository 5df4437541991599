using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Notifications;

/// <summary>How a person is told: channels per kind, quiet hours, digest, language and their own contact details.</summary>
public sealed class PreferencesTests : AppTest
{
    private static object Valid(string[]? sms = null) => new
    {
        language = "en",
        smsKinds = sms ?? ["NewTodo", "Overdue"],
        emailKinds = Array.Empty<string>(),
        quietFrom = "23:00",
        quietUntil = "06:30",
        digestMinutes = 10,
        phoneNumber = "13812345678",
        email = "chen@example.cn",
    };

    [Fact]
    public async Task A_person_without_settings_sees_the_defaults_and_no_email_without_a_mail_server()
    {
        var preferences = await (await App.SignInAsync("chenliting")).PreferencesAsync();

        Assert.Equal("zh-CN", preferences.Language);
        Assert.Contains(NotificationKind.NewTodo, preferences.SmsKinds);
        Assert.DoesNotContain(NotificationKind.ReportUpdated, preferences.SmsKinds);
        Assert.Empty(preferences.EmailKinds);
        Assert.Equal("22:00", preferences.QuietFrom);
        Assert.Equal("07:00", preferences.QuietUntil);
        Assert.Equal(5, preferences.DigestMinutes);
        Assert.False(preferences.EmailAvailable);
    }

    [Fact]
    public async Task A_person_changes_their_own_settings_and_contact_details_and_nobody_elses()
    {
        var chenliting = await App.SignInAsync("chenliting");

        var saved = await (await chenliting.PutPreferencesAsync(Valid())).ShouldBe<CivicGrid.Web.Notifications.Preferences.PreferencesView>(HttpStatusCode.OK);

        Assert.Equal("en", saved.Language);
        Assert.Equal([NotificationKind.NewTodo, NotificationKind.Overdue], saved.SmsKinds);
        Assert.Equal(("23:00", "06:30", 10), (saved.QuietFrom, saved.QuietUntil, saved.DigestMinutes));
        Assert.Equal(("13812345678", "chen@example.cn"), (saved.PhoneNumber, saved.Email));
        Assert.Equal(Json(saved), Json(await chenliting.PreferencesAsync()));
        var xujing = await (await App.SignInAsync("xujing")).PreferencesAsync();
        Assert.NotEqual("13812345678", xujing.PhoneNumber);
        Assert.Equal("zh-CN", xujing.Language);

        var none = await (await chenliting.PutPreferencesAsync(new { language = "zh-CN", smsKinds = Array.Empty<string>(), digestMinutes = 0, quietFrom = "", quietUntil = (string?)null })).ShouldBe<CivicGrid.Web.Notifications.Preferences.PreferencesView>(HttpStatusCode.OK);
        Assert.Equal((null, null, null, null), (none.QuietFrom, none.QuietUntil, none.PhoneNumber, none.Email));
    }

    [Theory]
    [InlineData("phoneNumber", "12812345678")]
    [InlineData("phoneNumber", "1381234567")]
    [InlineData("email", "not an address")]
    [InlineData("email", "陈 <chen@example.cn>")]
    [InlineData("digestMinutes", 61)]
    [InlineData("digestMinutes", -1)]
    [InlineData("language", "fr")]
    [InlineData("quietUntil", null)]
    [InlineData("quietFrom", "25:00")]
    [InlineData("emailKinds", "NewTodo")]
    public async Task Bad_settings_are_refused_as_a_problem_naming_the_field_and_nothing_is_saved(string field, object? value)
    {
        var chenliting = await App.SignInAsync("chenliting");
        var before = await chenliting.PreferencesAsync();
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Valid())!.AsObject();
        body[field] = field == "emailKinds" ? new System.Text.Json.Nodes.JsonArray(value!.ToString()) : System.Text.Json.Nodes.JsonValue.Create(value);

        var problem = await (await chenliting.PutPreferencesAsync(body)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(Json(before), Json(await chenliting.PreferencesAsync()));
        Assert.False(await App.QueryAsync(db => db.NotificationPreferences.AnyAsync()));
    }

    [Fact]
    public async Task Turning_sms_off_for_new_todos_stops_the_sms_for_the_next_report()
    {
        var chenliting = await App.SignInAsync("chenliting");
        await (await chenliting.PutPreferencesAsync(Valid(["NewTodo"]))).ShouldBe(HttpStatusCode.OK);
        var first = await ReportInYiyangAsync("绿地私搭停车棚");
        Assert.Equal([NotificationChannel.InApp, NotificationChannel.Sms], await ChannelsToChenlitingAsync(first.Number));

        await (await chenliting.PutPreferencesAsync(Valid(["Overdue"]))).ShouldBe(HttpStatusCode.OK);
        var second = await ReportInYiyangAsync("井盖缺失");

        Assert.Equal([NotificationChannel.InApp], await ChannelsToChenlitingAsync(second.Number));
    }

    [Fact]
    public async Task The_preferences_page_shows_the_table_and_saves_and_refuses_a_bad_number_with_nothing_saved()
    {
        var pages = await App.SignInToPagesAsync("chenliting");

        var zh = await (await pages.GetAsync("/Notifications/Preferences")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("通知设置", zh);
        Assert.Contains("data-testid=\"sms-NewTodo\"", zh);
        Assert.Contains("data-testid=\"email-unavailable\"", zh);
        var en = await (await pages.GetAsync("/Notifications/Preferences?culture=en")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("Notification settings", en);
        Assert.Contains("Quiet hours", en);

        var refused = await pages.PostFormAsync("/Notifications/Preferences", "/Notifications/Preferences", Form("12345"));
        var page = await refused.ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("请填写 11 位大陆手机号码", page);
        Assert.False(await App.QueryAsync(db => db.NotificationPreferences.AnyAsync()));

        var saved = await pages.PostFormAsync("/Notifications/Preferences", "/Notifications/Preferences", Form("13912345678"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await App.QueryAsync(db => db.NotificationPreferences.SingleAsync());
        Assert.True(NotificationPreference.Has(stored.SmsKinds, NotificationKind.Rework));
        Assert.False(NotificationPreference.Has(stored.SmsKinds, NotificationKind.NewTodo));
        Assert.Equal((new TimeOnly(21, 30), 15), (stored.QuietFrom!.Value, stored.DigestMinutes));
        Assert.Equal("13912345678", await App.QueryAsync(db => db.Users.Where(u => u.UserName == "chenliting").Select(u => u.PhoneNumber).SingleAsync()));
    }

    /// <summary>The views hold lists: compared by content, as a client sees them.</summary>
    private static string Json(CivicGrid.Web.Notifications.Preferences.PreferencesView view) => System.Text.Json.JsonSerializer.Serialize(view);

    private static Dictionary<string, string> Form(string phone) => new()
    {
        ["Input.SmsKinds"] = "Rework",
        ["Input.QuietFrom"] = "21:30",
        ["Input.QuietUntil"] = "07:00",
        ["Input.DigestMinutes"] = "15",
        ["Input.Language"] = "zh-CN",
        ["Input.PhoneNumber"] = phone,
        ["Input.Email"] = "",
    };

    private async Task<CivicGrid.Web.Events.EventDetail> ReportInYiyangAsync(string title) =>
        await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title));

    private Task<List<NotificationChannel>> ChannelsToChenlitingAsync(string number) => App.QueryAsync(db =>
        db.NotificationDeliveries.Where(d => db.Notifications.Any(n => n.Id == d.NotificationId && n.EventNumber == number) && db.Users.Any(u => u.Id == d.RecipientId && u.UserName == "chenliting"))
            .OrderBy(d => d.Channel).Select(d => d.Channel).ToListAsync());
}
