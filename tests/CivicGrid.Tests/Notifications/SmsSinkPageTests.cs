using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications.Sms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Notifications;

/// <summary>The development SMS page: administrators read what would have gone out, to their own staff only.</summary>
public sealed class SmsSinkPageTests : AppTest
{
    private async Task GivePhoneAsync(string userName, string phone) =>
        await App.QueryAsync(db => db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, phone)));

    private async Task SinkAsync(string key, string phone, string text) =>
        await App.Services.GetRequiredService<SmsSink>().SendAsync(new SmsMessage(key, phone, text, "NewTodo", new Dictionary<string, string>()), default);

    [Fact]
    public async Task An_administrator_sees_the_messages_with_their_length_and_parts()
    {
        await GivePhoneAsync("chenliting", "13800000001");
        var admin = await App.SignInToPagesAsync("admin");
        await SinkAsync("k1", "13800000001", "【网格治理】新待办E20261123-0001：路灯不亮" + new string('网', 60));

        var page = await (await admin.GetAsync("/Notifications/Sms")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("13800000001", page);
        Assert.Contains("新待办E20261123-0001", page);
        Assert.Contains("data-testid=\"sms-segments\">2<", page);
        Assert.Contains("data-testid=\"nav-sms\"", page);
    }

    [Fact]
    public async Task A_street_administrator_sees_only_messages_to_staff_of_the_street()
    {
        await GivePhoneAsync("chenliting", "13800000001");
        await GivePhoneAsync("xujing", "13800000002");
        var district = await App.SignInAsync("admin");
        await district.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        await SinkAsync("k1", "13800000001", "给蓝田街道的短信");
        await SinkAsync("k2", "13800000002", "给朝阳街道的短信");

        var street = await App.SignInToPagesAsync("landianadmin", "Start@2026");
        var page = await (await street.GetAsync("/Notifications/Sms")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("给蓝田街道的短信", page);
        Assert.DoesNotContain("给朝阳街道的短信", page);
        Assert.DoesNotContain("13800000002", page);
    }

    [Fact]
    public async Task Staff_who_are_not_administrators_may_not_open_it()
    {
        var chen = await App.SignInToPagesAsync("chenliting");

        await (await chen.GetAsync("/Notifications/Sms")).ShouldBeForbiddenPage();
        Assert.DoesNotContain("nav-sms", await chen.GetStringAsync("/Events/Todo"));
    }

    [Fact]
    public async Task With_a_real_gateway_there_is_no_such_page()
    {
        var host = App.WithWebHostBuilder(b => b
            .UseSetting("Notifications:Sms:Gateway", "Http")
            .UseSetting("Notifications:Sms:Http:Url", "http://127.0.0.1:9/send"));
        var admin = await host.SignInToPagesAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Notifications/Sms")).StatusCode);
        Assert.DoesNotContain("nav-sms", await admin.GetStringAsync("/Events/Todo"));
    }
}
