using CivicGrid.Web.Events.Search;

namespace CivicGrid.Tests.Events.Search;

/// <summary>How text is cut into the terms the full-text index holds and a query asks for.</summary>
public sealed class SearchTermsSpec
{
    [Fact]
    public void Chinese_becomes_overlapping_pairs_and_its_last_character()
    {
        Assert.Equal(["绿地", "地私", "私搭", "搭停", "停车", "车棚", "棚"], SearchTerms.Of("绿地私搭停车棚").Split(' '));
    }

    [Fact]
    public void Letters_and_digits_are_words_in_lower_case_and_half_width()
    {
        Assert.Equal(["12", "栋", "abc", "东侧", "侧"], SearchTerms.Of("１２栋 ABC，东侧").Split(' '));
    }

    [Fact]
    public void A_serial_number_is_also_indexed_as_it_is_read_aloud()
    {
        Assert.Equal(["2026", "000123", "123"], SearchTerms.Of("2026-000123").Split(' '));
    }

    [Fact]
    public void Terms_appear_once_however_often_the_text_repeats_them()
    {
        Assert.Equal(["绿地", "地", "停车", "车"], SearchTerms.Of("绿地", "绿地，停车").Split(' '));
    }

    [Fact]
    public void A_two_character_query_asks_for_its_pair_exactly()
    {
        Assert.Equal([new QueryTerm("绿地", IsPrefix: false)], SearchTerms.Query(" 绿地 "));
    }

    [Fact]
    public void A_longer_query_asks_for_all_its_pairs()
    {
        Assert.Equal([new QueryTerm("停车", false), new QueryTerm("车棚", false)], SearchTerms.Query("停车棚"));
    }

    [Fact]
    public void One_character_and_words_match_as_prefixes()
    {
        Assert.Equal([new QueryTerm("棚", true), new QueryTerm("000", true)], SearchTerms.Query("棚 000"));
    }

    [Fact]
    public void Punctuation_alone_asks_for_nothing()
    {
        Assert.Empty(SearchTerms.Query("'); --"));
        Assert.Empty(SearchTerms.Of(null, "", "  "));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_separate_and_are_never_split()
    {
        Assert.Equal(["张", "三"], SearchTerms.Of("张𠀀三").Split(' '));
    }
}
