using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The administrator opens a new community and its head's account through the pages, on a 360 px phone; others are refused.</summary>
public sealed class AdministrationInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task An_administrator_adds_a_community_and_an_account_whose_head_signs_in_to_an_empty_todo_list()
    {
        var landian = await host.App.IdOfUnitAsync("蓝田街道");

        // The administrator adds 新城社区 under 蓝田街道.
        var admin = await host.PhoneOfAsync("admin");
        await admin.GetByTestId("nav-units").ClickAsync();
        await admin.GetByTestId("create-unit").Locator("summary").ClickAsync();
        var form = admin.GetByTestId("create-unit-form");
        await form.GetByTestId("unit-parent").SelectOptionAsync(landian.ToString());
        await form.GetByTestId("unit-kind").SelectOptionAsync("Community");
        await form.GetByTestId("unit-name").FillAsync("新城社区");
        await form.GetByTestId("unit-code").FillAsync("350603001009");
        await form.GetByTestId("submit-unit").ClickAsync();
        var community = admin.GetByTestId("unit-tree").GetByTestId("unit").Filter(new() { Has = admin.GetByText("新城社区", new() { Exact = true }) });
        await Assertions.Expect(community).ToBeVisibleAsync();
        var communityId = await community.GetAttributeAsync("data-unit-id");

        // ... and opens an account for its head.
        await admin.GetByTestId("nav-accounts").ClickAsync();
        await admin.GetByTestId("new-account").ClickAsync();
        await admin.GetByTestId("account-user-name").FillAsync("xinchenghead");
        await admin.GetByTestId("account-display-name").FillAsync("苏新城");
        await admin.GetByTestId("account-role").SelectOptionAsync("CommunityHead");
        await admin.GetByTestId("account-unit").SelectOptionAsync(communityId!);
        await admin.GetByTestId("account-password").FillAsync("Start@2026");
        await admin.GetByTestId("submit-account").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=account][data-user-name=xinchenghead]")).ToContainTextAsync("新城社区");
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the account list scrolls sideways on a phone");
        await admin.GetByTestId("nav-units").ClickAsync();
        await Assertions.Expect(community).ToBeVisibleAsync();
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the unit tree scrolls sideways on a phone");

        // The new head signs in and finds an empty to-do list for the new community.
        var head = await host.PhoneOfAsync("xinchenghead", "Start@2026");
        await Assertions.Expect(head.GetByTestId("current-user")).ToHaveTextAsync("苏新城 · 新城社区");
        await Assertions.Expect(head.GetByTestId("tab-todo")).ToContainTextAsync("0");
        await Assertions.Expect(head.GetByTestId("no-events")).ToBeVisibleAsync();
        await Assertions.Expect(head.GetByTestId("nav-units")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_community_head_opening_the_administration_page_gets_the_forbidden_page()
    {
        var chen = await host.PhoneOfAsync("chenliting");

        var response = await chen.GotoAsync("/Organisation/Units");

        Assert.Equal(403, response!.Status);
        Assert.EndsWith("/Organisation/Units", chen.Url);
        await Assertions.Expect(chen.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(chen.GetByTestId("nav-units")).ToHaveCountAsync(0);
        await Assertions.Expect(chen.GetByTestId("unit-tree")).ToHaveCountAsync(0);
        Assert.True(await chen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }
}
