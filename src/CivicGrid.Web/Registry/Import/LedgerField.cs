namespace CivicGrid.Web.Registry.Import;

/// <summary>A column of a ledger the import understands.</summary>
public enum LedgerField
{
    Name,
    IdNumber,
    Phone,
    Building,
    Unit,
    Room,
    Relation,
    Type,
    MovedInOn,
    RegistrationPlace,
    CareTags,
    HouseholdNumber,
    RoomUse,
    Grid,
}

/// <summary>
/// Which ledger column holds which field. Ledgers kept by hand name their columns in many ways,
/// so the proposal reads the usual names; the user corrects what it got wrong.
/// </summary>
public static class LedgerColumns
{
    public static readonly IReadOnlyList<LedgerField> Required = [LedgerField.Name, LedgerField.IdNumber, LedgerField.Building, LedgerField.Room];

    private static readonly (LedgerField Field, string[] Names)[] Synonyms =
    [
        (LedgerField.Name, ["姓名", "名字"]),
        (LedgerField.IdNumber, ["身份证号", "公民身份号码", "证件号码", "身份证"]),
        (LedgerField.Phone, ["联系电话", "手机", "电话"]),
        (LedgerField.Building, ["楼栋", "楼号"]),
        (LedgerField.Unit, ["单元"]),
        (LedgerField.Room, ["房号", "门牌", "室"]),
        (LedgerField.Relation, ["与户主关系"]),
        (LedgerField.Type, ["人口类型", "居住类型"]),
        (LedgerField.MovedInOn, ["入住日期", "迁入日期"]),
        (LedgerField.RegistrationPlace, ["户籍地"]),
        (LedgerField.CareTags, ["关爱标签", "特殊人群"]),
        (LedgerField.HouseholdNumber, ["户号"]),
        (LedgerField.RoomUse, ["房屋用途"]),
        (LedgerField.Grid, ["网格"]),
    ];

    /// <summary>The proposed mapping: a header named exactly like a field first, then one starting with its name ("身份证号码").</summary>
    public static Dictionary<LedgerField, int> Propose(IReadOnlyList<string> headers)
    {
        var names = headers.Select(Normalised).ToList();
        var mapping = new Dictionary<LedgerField, int>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var (field, synonyms) in Synonyms.Where(s => !mapping.ContainsKey(s.Field)))
            {
                var column = Enumerable.Range(0, names.Count).FirstOrDefault(
                    i => !mapping.ContainsValue(i) && synonyms.Any(s => exact ? names[i] == s : names[i].StartsWith(s, StringComparison.Ordinal)), -1);
                if (column >= 0)
                {
                    mapping[field] = column;
                }
            }
        }

        return mapping;
    }

    private static string Normalised(string header) => string.Concat(header.Where(c => !char.IsWhiteSpace(c) && c != '*'));
}
