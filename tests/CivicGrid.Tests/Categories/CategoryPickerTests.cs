using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Categories;

/// <summary>The picker's search (GET /api/v1/categories?q=): plain words, synonyms, examples and pinyin initials find a category, grouped by major.</summary>
public sealed class CategoryPickerTests : AppTest
{
    [Theory]
    [InlineData("jg")]
    [InlineData("井盖")]
    [InlineData("下水道盖子")]
    [InlineData("ＪＧ")]
    [InlineData("路中间的井盖不见了")]
    public async Task Initials_plain_words_synonyms_and_examples_find_the_manhole_cover(string typed)
    {
        var qiu = await App.SignInAsync("qiumeiling");

        var found = await qiu.CategoryTreeAsync(typed);

        Assert.Contains(found.SelectMany(g => g.Minors), c => c.Name == "井盖缺损");
    }

    [Fact]
    public async Task A_phrase_holding_a_synonym_finds_its_category()
    {
        var qiu = await App.SignInAsync("qiumeiling");

        var found = await qiu.CategoryTreeAsync("楼道里电动车充电");

        Assert.Contains(found.SelectMany(g => g.Minors), c => c.Name == "电动车违规充电");
    }

    [Fact]
    public async Task A_majors_name_brings_its_whole_group()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var all = await qiu.CategoryTreeAsync();

        var found = await qiu.CategoryTreeAsync("社会治安");

        var group = Assert.Single(found);
        Assert.Equal(all.Single(g => g.Major.Name == "社会治安").Minors.Select(c => c.Id), group.Minors.Select(c => c.Id));
    }

    [Fact]
    public async Task Without_a_query_the_whole_tree_comes_in_code_order_and_nothing_matches_nonsense()
    {
        var qiu = await App.SignInAsync("qiumeiling");

        var all = await qiu.CategoryTreeAsync();
        var none = await qiu.CategoryTreeAsync("qqqzzz");

        Assert.True(all.Sum(g => g.Minors.Count) >= 60);
        Assert.Equal(all.Select(g => g.Major.Code).Order(StringComparer.Ordinal), all.Select(g => g.Major.Code));
        Assert.All(all, g => Assert.All(g.Minors, c => Assert.Equal(g.Major.Id, c.ParentId)));
        Assert.Empty(none);
    }

    [Fact]
    public async Task The_tree_is_for_signed_in_staff_only()
    {
        var anonymous = App.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/categories?q=jg");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
