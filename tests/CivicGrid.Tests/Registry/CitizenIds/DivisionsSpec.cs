using CivicGrid.Web.Registry.CitizenIds;

namespace CivicGrid.Tests.Registry.CitizenIds;

/// <summary>
/// The household registration place read from a citizen ID's division code (GB/T 2260): a code
/// retired since the number was issued still names its city or province.
/// </summary>
public sealed class DivisionsSpec
{
    [Fact]
    public void A_county_code_names_province_city_and_county()
    {
        var division = Divisions.Find("420106");

        Assert.Equal(DivisionLevel.County, division.Level);
        Assert.Equal(("湖北省", "武汉市", "武昌区"), (division.Province, division.City, division.County));
        Assert.Equal("湖北省武汉市武昌区", Divisions.Describe("420106"));
    }

    [Fact]
    public void An_unknown_county_falls_back_to_its_city()
    {
        var division = Divisions.Find("420199");

        Assert.Equal(DivisionLevel.City, division.Level);
        Assert.Null(division.County);
        Assert.Equal("湖北省武汉市", division.Name);
    }

    [Fact]
    public void An_unknown_city_falls_back_to_its_province()
    {
        var division = Divisions.Find("429999");

        Assert.Equal(DivisionLevel.Province, division.Level);
        Assert.Equal("湖北省", division.Name);
    }

    [Theory]
    [InlineData("990105")]
    [InlineData("200000")]
    [InlineData("42010")]
    [InlineData("42010A")]
    [InlineData(null)]
    public void A_code_without_a_known_province_names_nothing(string? code)
    {
        Assert.Equal(DivisionLevel.None, Divisions.Find(code).Level);
        Assert.Null(Divisions.Describe(code));
    }

    [Theory]
    [InlineData("110105", "北京市朝阳区")]
    [InlineData("500101", "重庆市万州区")]
    [InlineData("429004", "湖北省仙桃市")]
    [InlineData("441900", "广东省东莞市")]
    [InlineData("420100", "湖北省武汉市")]
    [InlineData("810000", "香港特别行政区")]
    public void Municipalities_and_counties_without_a_prefecture_are_named_once(string code, string name) =>
        Assert.Equal(name, Divisions.Describe(code));

    [Fact]
    public void Every_province_level_division_is_known()
    {
        string[] provinces =
        [
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
        ];

        Assert.All(provinces, p => Assert.True(Divisions.IsProvince(p), p));
        Assert.All(new[] { "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "80", "90", "99" }, p => Assert.False(Divisions.IsProvince(p), p));
    }
}
