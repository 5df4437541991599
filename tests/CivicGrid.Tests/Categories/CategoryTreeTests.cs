using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Categories;

/// <summary>The standard tree is reference data: planted on every start into an empty table, with or without the demo district.</summary>
public sealed class CategoryTreeTests : AppTest
{
    [Fact]
    public async Task The_tree_has_at_least_sixty_active_minors_each_under_an_active_major_with_a_code_extending_its_majors()
    {
        var categories = await App.QueryAsync(db => db.Categories.Include(c => c.Deadlines).ToListAsync());
        var majors = categories.Where(c => c.ParentId is null).ToDictionary(c => c.Id);
        var minors = categories.Where(c => c.ParentId is not null).ToList();

        Assert.True(minors.Count(c => c.IsActive) >= 60, $"{minors.Count} minors");
        Assert.All(minors, minor =>
        {
            var major = majors[minor.ParentId!.Value];
            Assert.True(major.IsActive);
            Assert.StartsWith(major.Code, minor.Code);
            Assert.True(minor.Code.Length > major.Code.Length);
            Assert.True(minor.Synonyms.Count >= 4, minor.Name);
            Assert.True(minor.Examples.Count >= 2, minor.Name);
            Assert.Matches("^[a-z0-9 ]+$", minor.Initials);
            Assert.Equal(15, minor.Deadlines.Count);
        });
        Assert.Contains(majors.Values, m => m.Code.StartsWith('B'));
        Assert.Contains(majors.Values, m => m.Code.StartsWith('E'));
        Assert.Contains(majors.Values, m => m.Code.StartsWith('G'));
        Assert.Equal(categories.Count, categories.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public async Task The_thirteen_first_categories_keep_their_ids_and_names_inside_the_tree()
    {
        var first = await App.QueryAsync(db => db.Categories.Where(c => c.Id <= 13).OrderBy(c => c.Id).ToListAsync());

        Assert.Equal(["占用绿地", "违章搭建", "暴露垃圾", "占道经营", "机动车乱停放", "井盖缺损", "路灯故障", "道路破损", "邻里纠纷", "安全隐患", "消防通道堵塞", "噪声扰民", "食品安全"], first.Select(c => c.Name));
        Assert.All(first, c => Assert.NotNull(c.ParentId));
        Assert.Equal("井盖坏了或丢了", first[5].PlainName);
    }

    [Fact]
    public async Task Without_demo_data_the_catalogue_is_planted_all_the_same()
    {
        await using var bare = new CivicGridFactory { Settings = { ["Database:SeedDemoData"] = "false" } };
        await using var scope = bare.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGrid.Web.Infrastructure.Database.CivicGridDb>();

        Assert.False(await db.OrgUnits.AnyAsync());
        Assert.True(await db.Categories.CountAsync(c => c.ParentId != null) >= 60);
    }

    [Fact]
    public async Task Every_minor_has_a_handling_deadline_shorter_at_higher_urgency()
    {
        var handle = await App.QueryAsync(db => db.CategoryDeadlines.Where(d => d.Step == EventStep.Handle).ToListAsync());

        foreach (var table in handle.GroupBy(d => d.CategoryId))
        {
            var minutes = table.OrderBy(d => d.Urgency).Select(d => d.Minutes).ToList();
            Assert.True(minutes[0] > minutes[1] && minutes[1] > minutes[2], $"category {table.Key}: {string.Join(", ", minutes)}");
        }
    }

    [Fact]
    public void The_file_is_the_catalogue_the_suggestions_are_measured_on()
    {
        var catalogue = StandardCategories.Catalogue();

        Assert.True(catalogue.Tree.Sum(g => g.Minors.Count) >= 60);
        Assert.Equal(6, catalogue.FindForEvent(6)!.Id);
        Assert.Null(catalogue.FindForEvent(catalogue.Tree[0].Major.Id));
    }
}
