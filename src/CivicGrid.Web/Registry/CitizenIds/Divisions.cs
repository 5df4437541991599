using System.Collections.Frozen;

namespace CivicGrid.Web.Registry.CitizenIds;

/// <summary>How deep a division code was found: a retired county code still names its city or province.</summary>
public enum DivisionLevel
{
    None,
    Province,
    City,
    County,
}

/// <summary>The names a six-digit code was found under, down to <see cref="Level"/>.</summary>
public sealed record Division(string Code, DivisionLevel Level, string? Province, string? City, string? County)
{
    /// <summary>"湖北省武汉市武昌区", as a household registration place is written.</summary>
    public string Name => string.Concat(Province, City, County);
}

/// <summary>
/// Administrative division names (GB/T 2260) from divisions.tsv, vendored from @vant/area-data by
/// scripts/registry/divisions.js. Municipalities and counties directly under a province have no
/// prefecture row, so their counties sit under the province.
/// </summary>
public static class Divisions
{
    private static readonly Lazy<FrozenDictionary<string, string>> Names = new(Load);

    /// <summary>The code's names as far as they are known: county, then its city (first four digits), then its province (first two).</summary>
    public static Division Find(string? code)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return new Division(code ?? string.Empty, DivisionLevel.None, null, null, null);
        }

        var province = Names.Value.GetValueOrDefault(code[..2] + "0000");
        var city = code.EndsWith("0000", StringComparison.Ordinal) ? null : Names.Value.GetValueOrDefault(code[..4] + "00");
        var county = code.EndsWith("00", StringComparison.Ordinal) ? null : Names.Value.GetValueOrDefault(code);
        var level = province is null ? DivisionLevel.None
            : county is not null ? DivisionLevel.County
            : city is not null ? DivisionLevel.City
            : DivisionLevel.Province;
        return level == DivisionLevel.None
            ? new Division(code, level, null, null, null)
            : new Division(code, level, province, city, county);
    }

    /// <summary>"湖北省武汉市武昌区" for 420106, or null when not even the province is known.</summary>
    public static string? Describe(string? code) => Find(code) is { Level: not DivisionLevel.None } division ? division.Name : null;

    /// <summary>Whether the two digits are a province, autonomous region, municipality or special administrative region.</summary>
    public static bool IsProvince(string twoDigits) => twoDigits.Length == 2 && Names.Value.ContainsKey(twoDigits + "0000");

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Divisions).Assembly.GetManifestResourceStream(typeof(Divisions), "divisions.tsv")
            ?? throw new InvalidOperationException("divisions.tsv is not embedded.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#' && line.Split('\t') is [var code, var name])
            {
                names[code] = name;
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
