using CivicGrid.Web.Demo;
using CivicGrid.Web.Geography;

namespace CivicGrid.Tests.Geography;

/// <summary>The demo district's grids are what an administrator could import: valid, no overlaps, no gaps.</summary>
public sealed class DemoMapSpec
{
    private static readonly Dictionary<string, int> Grids = new()
    {
        ["毅阳社区"] = 4,
        ["檀林社区"] = 3,
        ["湘桥社区"] = 3,
        ["朝阳社区"] = 3,
        ["北庭社区"] = 2,
        ["步文社区"] = 2,
        ["龙江社区"] = 2,
    };

    [Fact]
    public void The_demo_grids_pass_the_grid_file_check_and_cover_the_district()
    {
        var areas = DemoMap.GridAreas(Grids);
        var codes = Grids.Keys.Select((c, i) => (c, Code: $"350603{i + 1:D3}001")).ToDictionary(x => x.c, x => x.Code);
        var features = areas.Select(a => new GridFeature($"{codes[a.Key.Community]}{a.Key.Grid:D3}", $"第{a.Key.Grid}网格", codes[a.Key.Community], a.Value)).ToList();

        var reading = GridFile.Read(GridFile.Write(features));

        Assert.Empty(reading.Problems);
        var covered = areas.Values.Sum(a => a.Area);
        Assert.Equal(DemoMap.DistrictOutline.Area, covered, 1e-9);
    }
}
