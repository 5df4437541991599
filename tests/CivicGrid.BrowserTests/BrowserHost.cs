using CivicGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The application on real Kestrel (loopback, free port) and Debian's headless Chromium driven by
/// Playwright. No browser is ever downloaded: CHROMIUM_PATH or /usr/bin/chromium.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public CivicGridFactory App { get; } = new() { DeliverNotificationsInBackground = true };
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>A phone (360 px wide) with its own cookies, signed in as the given person.</summary>
    public async Task<IPage> PhoneOfAsync(string userName, string password = CivicGrid.Web.Demo.DemoData.Password)
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 780 }, BaseURL = BaseUrl, Locale = "zh-CN" });
        // Two cores shared with the server: allow slow steps rather than fail on a busy machine.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/SignIn");
        await page.GetByTestId("user-name").FillAsync(userName);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        // Wait for the to-do page itself rather than its load event: under load Chromium has been seen
        // to report network idle but never "load" for this page, which failed a test after 60 s.
        await page.WaitForURLAsync("**/Events/Todo**", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("tab-todo")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A phone (360 px wide) of someone not signed in: a resident, or a passer-by.</summary>
    public async Task<IPage> AnonymousPhoneAsync()
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 780 }, BaseURL = BaseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
