using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The seeds' complaint "categories are too professional", answered on a 360 px phone: plain words, suggestions, pinyin initials.</summary>
public sealed class CategoriesInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_grid_worker_describes_the_problem_taps_a_suggested_category_and_reports()
    {
        var qiu = await host.PhoneOfAsync("qiumeiling");
        await qiu.GotoAsync("/Events/Report");
        await qiu.GetByTestId("title").FillAsync("小区门口井盖");
        await qiu.GetByTestId("description").FillAsync("小区门口井盖翘起来了，晚上容易绊倒人");

        // The likely categories appear under the description, plain name first, with the words that point to them.
        var suggestion = qiu.GetByTestId("category-suggestion").First;
        await Assertions.Expect(suggestion).ToContainTextAsync("井盖坏了或丢了");
        await Assertions.Expect(suggestion).ToContainTextAsync("因为提到：");
        await suggestion.ClickAsync();
        await Assertions.Expect(qiu.GetByTestId("category")).ToHaveValueAsync("6");
        // The manhole cover is urgent by default, until the reporter says otherwise.
        await Assertions.Expect(qiu.GetByTestId("urgency")).ToHaveValueAsync("Urgent");
        Assert.True(await qiu.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));

        await qiu.GetByTestId("address-search").FillAsync("毅阳社区1栋");
        await qiu.GetByTestId("address-results").GetByRole(AriaRole.Button).First.ClickAsync();
        await qiu.GetByTestId("submit-report").ClickAsync();

        await Assertions.Expect(qiu.GetByTestId("event-number")).ToBeVisibleAsync();
        await Assertions.Expect(qiu.GetByText("井盖坏了或丢了（井盖缺损）")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Typing_pinyin_initials_finds_the_category_under_its_major_and_a_tap_chooses_it()
    {
        var qiu = await host.PhoneOfAsync("qiumeiling");
        await qiu.GotoAsync("/Events/Report");

        await qiu.GetByTestId("category-search").FillAsync("jg");

        var results = qiu.GetByTestId("category-results");
        await Assertions.Expect(results).ToContainTextAsync("水电气、井盖等公共设施");
        var choice = results.GetByTestId("category-choice").Filter(new() { HasText = "井盖坏了或丢了" });
        await Assertions.Expect(choice).ToContainTextAsync("井盖缺损");
        await choice.ClickAsync();
        await Assertions.Expect(qiu.GetByTestId("category")).ToHaveValueAsync("6");
        await Assertions.Expect(results).ToBeHiddenAsync();
        Assert.True(await qiu.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }

    [Fact]
    public async Task The_administrators_editor_fills_the_initials_as_the_names_are_typed_and_keeps_a_hand_correction()
    {
        var admin = await host.PhoneOfAsync("admin");
        await admin.GotoAsync("/Categories/Admin");
        await admin.GetByTestId("add-major").ClickAsync();
        await admin.WaitForURLAsync("**/Categories/Edit");

        await admin.GetByTestId("category-plain-name").FillAsync("文明劝导");
        await Assertions.Expect(admin.GetByTestId("category-initials")).ToHaveValueAsync("wmqd");
        await admin.GetByTestId("category-name").FillAsync("不文明行为");
        await Assertions.Expect(admin.GetByTestId("category-initials")).ToHaveValueAsync("wmqd bwmxw");

        await admin.GetByTestId("category-initials").FillAsync("wmqd bwmhw");
        await admin.GetByTestId("category-synonyms").FillAsync("乱扔烟头");
        await Assertions.Expect(admin.GetByTestId("category-initials")).ToHaveValueAsync("wmqd bwmhw");
    }
}
