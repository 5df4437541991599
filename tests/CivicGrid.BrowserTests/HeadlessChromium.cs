using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// Debian's headless Chromium driven by Playwright, without the application: for browser-side
/// code and assets on their own. No browser is ever downloaded: CHROMIUM_PATH or /usr/bin/chromium.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright);
    }

    /// <summary>An empty page with the given scripts (paths in the test output) loaded.</summary>
    public async Task<IPage> PageWithAsync(params string[] scripts)
    {
        var context = await _browser!.NewContextAsync();
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        foreach (var script in scripts)
        {
            await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, script) });
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>One browser for the tests that need no application, run apart from the story tests so two Chromiums never share the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeadlessChromiumCollection : ICollectionFixture<HeadlessChromium>
{
    public const string Name = "Headless Chromium";
}
