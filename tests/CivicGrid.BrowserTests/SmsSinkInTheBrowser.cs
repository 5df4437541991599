using CivicGrid.Web.Notifications.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>On a 360 px phone the administrator reads what the development gateway would have sent.</summary>
public sealed class SmsSinkInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task An_administrator_reads_the_development_messages_on_a_phone()
    {
        await host.App.QueryAsync(db => db.Users.Where(u => u.UserName == "chenliting").ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "13800000001")));
        await host.App.Services.GetRequiredService<SmsSink>().SendAsync(new SmsMessage(
            "browser-sms-1", "13800000001", "【网格治理】新待办E20261123-0001：路灯不亮，毅阳社区幸福路12号，期限11月24日 17:00。", "NewTodo",
            new Dictionary<string, string>()), default);

        var admin = await host.PhoneOfAsync("admin");
        await admin.GetByTestId("nav-sms").ClickAsync();

        var sms = admin.GetByTestId("sms").Filter(new() { HasText = "E20261123-0001" });
        await Assertions.Expect(sms.GetByTestId("sms-text")).ToContainTextAsync("路灯不亮");
        await Assertions.Expect(sms.GetByTestId("sms-segments")).ToHaveTextAsync("1");
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the SMS page scrolls sideways on a phone");
    }
}
