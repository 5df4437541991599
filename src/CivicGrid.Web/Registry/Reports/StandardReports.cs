using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>The report tables every street is asked for each month, planted once; administrators may edit or retire them like any other.</summary>
public static class StandardReports
{
    public const string Population = "人口分类统计表";
    public const string ElderlyAlone = "独居老人分布表";
    public const string Rentals = "出租房屋及租户情况表";
    public const string CareTags = "关爱对象统计表";

    public static async Task SeedAsync(CivicGridDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ReportTemplates.AnyAsync(t => t.IsStandard, ct))
        {
            return;
        }

        var tags = await db.CareTags.Where(t => StandardCareTags.Names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (name, description, definition) in Definitions(tags))
        {
            db.ReportTemplates.Add(new ReportTemplate { Name = name, Description = description, IsStandard = true, Definition = definition.ToJson(), CreatedAt = now, UpdatedAt = now });
        }

        await db.SaveChangesAsync(ct);
    }

    public static IEnumerable<(string Name, string Description, ReportDefinition Definition)> Definitions(IReadOnlyDictionary<string, int> tags)
    {
        static ReportColumn Persons(string header, ReportFilter? filter = null) => new(header, ReportCount.Persons, filter);

        yield return (Population, "各社区实有人口按类型、性别、年龄统计", new ReportDefinition(ReportRows.Community,
        [
            Persons("实有人口"),
            Persons("户籍人口", new ReportFilter(ResidenceTypes: [ResidenceType.Registered])),
            Persons("流动人口", new ReportFilter(ResidenceTypes: [ResidenceType.Floating])),
            Persons("租户", new ReportFilter(ResidenceTypes: [ResidenceType.Tenant])),
            Persons("男", new ReportFilter(Sex: Sex.Male)),
            Persons("女", new ReportFilter(Sex: Sex.Female)),
            Persons("60岁以上", new ReportFilter(MinAge: 60)),
            Persons("18岁以下", new ReportFilter(MaxAge: 17)),
        ]));

        if (tags.TryGetValue("独居老人", out var alone))
        {
            yield return (ElderlyAlone, "各网格独居老人人数", new ReportDefinition(ReportRows.Grid,
            [
                Persons("独居老人"),
                Persons("其中80岁以上", new ReportFilter(MinAge: 80)),
            ], new ReportFilter(CareTagIds: [alone])));
        }

        yield return (Rentals, "各网格出租房屋、租户人数和租户户数", new ReportDefinition(ReportRows.Grid,
        [
            new ReportColumn("出租房屋", ReportCount.Rooms, new ReportFilter(RoomUses: [RoomUse.Rented])),
            Persons("租户人数", new ReportFilter(ResidenceTypes: [ResidenceType.Tenant])),
            new ReportColumn("租户户数", ReportCount.Households, new ReportFilter(ResidenceTypes: [ResidenceType.Tenant])),
        ]));

        yield return (CareTags, "各社区关爱对象按标签统计（一人多个标签分别计入）", new ReportDefinition(ReportRows.Community,
            StandardCareTags.Names.Where(tags.ContainsKey).Select(name => Persons(name, new ReportFilter(CareTagIds: [tags[name]]))).ToList()));
    }
}
