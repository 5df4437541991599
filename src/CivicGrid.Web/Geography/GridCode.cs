using System.Diagnostics.CodeAnalysis;

namespace CivicGrid.Web.Geography;

/// <summary>
/// A unit-grid code of 15 digits: the 6-digit administrative division (GB/T 2260), then 3 digits
/// for the street (乡镇/街道), 3 for the community (社区/村) and 3 for the grid's sequence in its
/// community, e.g. 350603 001 001 003 = 龙文区 · 蓝田街道 · 毅阳社区 · 第3网格.
/// </summary>
/// <remarks>
/// GB/T 30428.1 (from CJ/T 213) defines unit-grid codes; its text could not be checked here. The
/// layout above is the one Beijing's unit-grid standard DB11 (网格化城市管理系统 单元网格划分) states
/// explicitly, "6位区级及以上行政区划代码、3位街道（乡镇）代码、3位社区（村）代码和3位单元网格顺序码",
/// which matches the codes our organisation tree already uses for streets (9) and communities (12).
/// A segment of 000 would mean "none", so street, community and grid run from 001 to 999.
/// </remarks>
public readonly record struct GridCode
{
    public const int Length = 15;
    public const int CommunityCodeLength = 12;

    private GridCode(string value) => Value = value;

    /// <summary>All 15 digits.</summary>
    public string Value { get; }

    /// <summary>The administrative division (county level or above), 6 digits.</summary>
    public string Division => Value[..6];

    /// <summary>The street's code: division and street, 9 digits.</summary>
    public string StreetCode => Value[..9];

    /// <summary>The community's code: division, street and community, 12 digits.</summary>
    public string CommunityCode => Value[..CommunityCodeLength];

    /// <summary>The grid's number within its community, 1 to 999.</summary>
    public int Sequence => int.Parse(Value.AsSpan(CommunityCodeLength), provider: System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse([NotNullWhen(true)] string? text, out GridCode code)
    {
        code = default;
        if (text is null || text.Length != Length || !IsCommunityCode(text[..CommunityCodeLength]) || !IsSegment(text.AsSpan(CommunityCodeLength)))
        {
            return false;
        }

        code = new GridCode(text);
        return true;
    }

    public static GridCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"\"{text}\" is not a grid code: 15 digits, division + street + community + grid, none of the last three 000.");

    /// <summary>The code of grid number <paramref name="sequence"/> (1–999) in the given community.</summary>
    public static GridCode Create(string communityCode, int sequence)
    {
        if (!IsCommunityCode(communityCode))
        {
            throw new ArgumentException($"\"{communityCode}\" is not a community code: 12 digits, division + street + community.", nameof(communityCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        return new GridCode(communityCode + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Whether <paramref name="text"/> is a 12-digit community code: division + street + community.</summary>
    public static bool IsCommunityCode([NotNullWhen(true)] string? text) =>
        text is { Length: CommunityCodeLength }
        && text.AsSpan(0, 6).IndexOfAnyExceptInRange('0', '9') < 0
        && text.AsSpan(0, 6).IndexOfAnyExcept('0') >= 0
        && IsSegment(text.AsSpan(6, 3))
        && IsSegment(text.AsSpan(9, 3));

    /// <summary>Whether this grid belongs to the community with the given code.</summary>
    public bool BelongsTo(string? communityCode) => communityCode is not null && CommunityCode == communityCode;

    public override string ToString() => Value ?? "";

    private static bool IsSegment(ReadOnlySpan<char> digits) =>
        digits.Length == 3 && digits.IndexOfAnyExceptInRange('0', '9') < 0 && digits.IndexOfAnyExcept('0') >= 0;
}
