using System.Globalization;
using CivicGrid.Web.Registry.Housing;

namespace CivicGrid.Web.Registry.Import;

/// <summary>The words ledgers use for relations, population types, room uses and dates.</summary>
public static class LedgerWords
{
    private static readonly Dictionary<string, HouseholdRelation> Relations = new()
    {
        ["户主"] = HouseholdRelation.Head,
        ["本人"] = HouseholdRelation.Head,
        ["配偶"] = HouseholdRelation.Spouse,
        ["妻"] = HouseholdRelation.Spouse,
        ["妻子"] = HouseholdRelation.Spouse,
        ["夫"] = HouseholdRelation.Spouse,
        ["丈夫"] = HouseholdRelation.Spouse,
        ["子"] = HouseholdRelation.Child,
        ["女"] = HouseholdRelation.Child,
        ["儿子"] = HouseholdRelation.Child,
        ["女儿"] = HouseholdRelation.Child,
        ["子女"] = HouseholdRelation.Child,
        ["长子"] = HouseholdRelation.Child,
        ["长女"] = HouseholdRelation.Child,
        ["次子"] = HouseholdRelation.Child,
        ["次女"] = HouseholdRelation.Child,
        ["父亲"] = HouseholdRelation.Parent,
        ["母亲"] = HouseholdRelation.Parent,
        ["父母"] = HouseholdRelation.Parent,
        ["祖父母"] = HouseholdRelation.Grandparent,
        ["外祖父母"] = HouseholdRelation.Grandparent,
        ["祖父"] = HouseholdRelation.Grandparent,
        ["祖母"] = HouseholdRelation.Grandparent,
        ["孙子"] = HouseholdRelation.Grandchild,
        ["孙女"] = HouseholdRelation.Grandchild,
        ["孙子女"] = HouseholdRelation.Grandchild,
        ["外孙子女"] = HouseholdRelation.Grandchild,
        ["兄弟姐妹"] = HouseholdRelation.Sibling,
        ["兄"] = HouseholdRelation.Sibling,
        ["弟"] = HouseholdRelation.Sibling,
        ["姐"] = HouseholdRelation.Sibling,
        ["妹"] = HouseholdRelation.Sibling,
        ["其他亲属"] = HouseholdRelation.OtherRelative,
        ["非亲属"] = HouseholdRelation.NotRelated,
        ["其他"] = HouseholdRelation.NotRelated,
        ["租客"] = HouseholdRelation.NotRelated,
    };

    private static readonly Dictionary<string, ResidenceType> Types = new()
    {
        ["户籍"] = ResidenceType.Registered,
        ["户籍人口"] = ResidenceType.Registered,
        ["流动"] = ResidenceType.Floating,
        ["流动人口"] = ResidenceType.Floating,
        ["租户"] = ResidenceType.Tenant,
        ["出租屋人员"] = ResidenceType.Tenant,
    };

    private static readonly Dictionary<string, RoomUse> Uses = new()
    {
        ["自住"] = RoomUse.OwnerOccupied,
        ["出租"] = RoomUse.Rented,
        ["出租屋"] = RoomUse.Rented,
        ["空置"] = RoomUse.Vacant,
        ["商铺"] = RoomUse.Shop,
        ["底商"] = RoomUse.Shop,
    };

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    public static HouseholdRelation? Relation(string word) => Relations.TryGetValue(word, out var relation) ? relation : null;

    public static ResidenceType? Type(string word) => Types.TryGetValue(word, out var type) ? type : null;

    public static RoomUse? Use(string word) => Uses.TryGetValue(word, out var use) ? use : null;

    /// <summary>A date as people type it, or as Excel keeps it (a day number) when the cell is not formatted as a date.</summary>
    public static DateOnly? Date(string word)
    {
        if (DateOnly.TryParseExact(word, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 100_000
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;
    }

    /// <summary>Care tags are written several to a cell: "独居老人、低保".</summary>
    public static IEnumerable<string> Tags(string cell) =>
        cell.Split(['、', ',', '，', ';', '；', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
