using CivicGrid.Web.Geography;

namespace CivicGrid.Tests.Geography;

/// <summary>Grid codes: 6 digits of division, then 3 each for street, community and grid.</summary>
public sealed class GridCodeSpec
{
    [Fact]
    public void A_code_names_its_division_street_community_and_sequence()
    {
        var code = GridCode.Parse("350603001001003");

        Assert.Equal("350603", code.Division);
        Assert.Equal("350603001", code.StreetCode);
        Assert.Equal("350603001001", code.CommunityCode);
        Assert.Equal(3, code.Sequence);
        Assert.Equal("350603001001003", code.ToString());
    }

    [Fact]
    public void A_code_is_built_from_its_community_and_sequence()
    {
        Assert.Equal(GridCode.Parse("350603001002012"), GridCode.Create("350603001002", 12));
    }

    [Theory]
    [InlineData("35060300100100")]
    [InlineData("3506030010010031")]
    [InlineData("35060300100100A")]
    [InlineData("350603001001 03")]
    [InlineData("３５０６０３００１００１００３")]
    [InlineData("350603001001000")]
    [InlineData("350603001000003")]
    [InlineData("350603000001003")]
    [InlineData("000000001001003")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_fifteen_digits_with_no_empty_segment_is_not_a_code(string? text)
    {
        Assert.False(GridCode.TryParse(text, out _));
    }

    [Fact]
    public void A_grid_belongs_to_the_community_its_code_begins_with()
    {
        var code = GridCode.Parse("350603001001003");

        Assert.True(code.BelongsTo("350603001001"));
        Assert.False(code.BelongsTo("350603001002"));
        Assert.False(code.BelongsTo("350603001"));
    }

    [Theory]
    [InlineData("350603001001", true)]
    [InlineData("350603001", false)]
    [InlineData("350603001000", false)]
    [InlineData("350603000001", false)]
    public void A_community_code_has_twelve_digits(string text, bool valid)
    {
        Assert.Equal(valid, GridCode.IsCommunityCode(text));
    }

    [Fact]
    public void Sequences_run_from_1_to_999()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.Create("350603001001", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.Create("350603001001", 1000));
        Assert.Throws<ArgumentException>(() => GridCode.Create("350603001", 1));
    }
}
