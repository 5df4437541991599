using System.Globalization;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Registry.CitizenIds;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicGrid.Tests.Registry.CitizenIds;

/// <summary>
/// Citizen ID numbers as a grid worker types them: checked by GB 11643-1999, old fifteen-digit
/// numbers completed, and a refusal that says which part is wrong. Check characters in the
/// comments were computed independently (Python, ISO 7064 MOD 11-2).
/// </summary>
public sealed class CitizenIdSpec
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static CitizenId Valid(string input)
    {
        var result = CitizenId.Parse(input, Today);
        Assert.True(result.IsValid, $"{input}: {result.Refusal}");
        return result.Id;
    }

    private static CitizenIdRefusal Refused(string? input)
    {
        var result = CitizenId.Parse(input, Today);
        Assert.False(result.IsValid, $"{input} was accepted");
        return result.Refusal;
    }

    [Theory]
    // 1101051949123100 → remainder 2 → X: the standard's own example.
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    // 42010619900307123 → 8; sequence 123 is odd.
    [InlineData("420106199003071238", "1990-03-07", Sex.Male)]
    // 42010619900307124 → 6; sequence 124 is even.
    [InlineData("420106199003071246", "1990-03-07", Sex.Female)]
    // A leap day: 11010520000229002 → 1.
    [InlineData("110105200002290021", "2000-02-29", Sex.Female)]
    // The earliest date allowed: 11010519000101001 → X.
    [InlineData("11010519000101001X", "1900-01-01", Sex.Male)]
    // Born today: 11010520261206001 → 1.
    [InlineData("110105202612060011", "2026-12-06", Sex.Male)]
    public void A_valid_number_gives_its_birth_date_sex_and_division(string number, string birthDate, Sex sex)
    {
        var id = Valid(number);

        Assert.Equal(number, id.Number);
        Assert.Equal(DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), id.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(number[..6], id.DivisionCode);
        Assert.False(id.WasUpgraded);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData("  11010519491231002X ")]
    [InlineData("110105 19491231 002x")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    public void Lower_case_x_spaces_and_full_width_characters_are_read_as_the_same_number(string typed) =>
        Assert.Equal("11010519491231002X", Valid(typed).Number);

    [Theory]
    // Residence permits for Hong Kong, Macao and Taiwan residents: 81000019850615002 → 0, 83000019850615001 → 6.
    [InlineData("810000198506150020")]
    [InlineData("830000198506150016")]
    public void Residence_permit_numbers_of_hong_kong_macao_and_taiwan_residents_are_valid(string number) =>
        Assert.Equal(number, Valid(number).Number);

    [Fact]
    public void An_old_fifteen_digit_number_is_upgraded_with_the_century_and_a_check_character()
    {
        var id = Valid("110105491231002");

        Assert.Equal("11010519491231002X", id.Number);
        Assert.True(id.WasUpgraded);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(Sex.Female, id.Sex);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("1101051949123100", 16)]
    [InlineData("11010519491231002X1", 19)]
    public void A_number_of_the_wrong_length_is_refused_for_its_length(string? typed, int length)
    {
        var refusal = Refused(typed);

        Assert.Equal(CitizenIdError.Length, refusal.Error);
        Assert.Equal([length], refusal.Args);
    }

    [Theory]
    [InlineData("11010519491231002A")]
    [InlineData("1101051949123100X2")]
    [InlineData("11010549123100X")]
    [InlineData("11010519491231-02X")]
    public void Letters_other_than_a_final_x_are_refused_as_wrong_characters(string typed) =>
        Assert.Equal(CitizenIdError.Characters, Refused(typed).Error);

    [Theory]
    // Otherwise valid: 99010519491231002 → 3, 20010519491231002 → 1.
    [InlineData("990105194912310023", "99")]
    [InlineData("200105194912310021", "20")]
    [InlineData("990105491231002", "99")]
    public void A_province_that_does_not_exist_is_refused(string number, string province)
    {
        var refusal = Refused(number);

        Assert.Equal(CitizenIdError.Province, refusal.Error);
        Assert.Equal([province], refusal.Args);
    }

    [Fact]
    public void A_retired_county_code_in_a_real_province_is_not_an_error()
    {
        // 42019919900307123 → 1: 420199 is no county, 4201 is 武汉市.
        Assert.Equal("420199199003071231", Valid("420199199003071231").Number);
    }

    [Theory]
    // 11010519900230001 → X: the check character is right, the date is not.
    [InlineData("11010519900230001X", BirthDateProblem.NotADate, "1990-02-30")]
    [InlineData("110105490230002", BirthDateProblem.NotADate, "1949-02-30")]
    // 44052418800101001 → 4: a well-formed number from 1880.
    [InlineData("440524188001010014", BirthDateProblem.TooEarly, "1880-01-01")]
    // 11010518991231001 → 5.
    [InlineData("110105189912310015", BirthDateProblem.TooEarly, "1899-12-31")]
    // 11010520261207001 → 7: tomorrow.
    [InlineData("110105202612070017", BirthDateProblem.InFuture, "2026-12-07")]
    public void A_birth_date_that_is_not_real_before_1900_or_in_the_future_is_refused(string number, BirthDateProblem problem, string written)
    {
        var refusal = Refused(number);

        Assert.Equal(CitizenIdError.BirthDate, refusal.Error);
        Assert.Equal(problem, refusal.BirthDateProblem);
        Assert.Equal([written], refusal.Args);
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("420106199003071239")]
    public void A_wrong_check_character_is_refused_without_telling_the_right_one(string number)
    {
        var refusal = Refused(number);

        Assert.Equal(CitizenIdError.CheckCharacter, refusal.Error);
        Assert.Empty(refusal.Args);
    }

    [Theory]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("110105491231002", "110********1002")]
    [InlineData("1234567", "*******")]
    [InlineData("", "")]
    public void A_masked_number_keeps_the_first_three_and_last_four_characters(string number, string masked) =>
        Assert.Equal(masked, CitizenId.Mask(number));

    [Fact]
    public void A_parsed_number_masks_itself()
    {
        var masked = Valid("420106199003071238").Masked;

        Assert.Equal("420***********1238", masked);
        Assert.Equal(18, masked.Length);
    }

    [Fact]
    public void Every_refusal_reads_in_chinese_and_english_and_the_check_character_stays_secret()
    {
        var refusals = new[]
        {
            Refused("1101051949123100"), Refused("11010519491231002A"), Refused("990105194912310023"), Refused("11010519900230001X"),
            Refused("440524188001010014"), Refused("110105202612070017"), Refused("110105194912310021"),
        };
        var text = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Text));

        var chinese = InCulture("zh-CN", () => refusals.Select(text.Describe).ToList());
        var english = InCulture("en", () => refusals.Select(text.Describe).ToList());

        Assert.Equal(
            ["身份证号码应为18位（或旧的15位），现在是16位", "身份证号码只能是数字，18位号码的最后一位可以是X", "身份证号码前两位“99”不是省份代码，请核对号码",
             "出生日期不对：1990-02-30不是真实的日期", "出生日期不对：1880-01-01早于1900年", "出生日期不对：2026-12-07还没有到", "校验位不符，请核对号码"],
            chinese);
        Assert.All(english, message => Assert.Matches("^[ -~]+$", message));
        Assert.Equal(english.Count, english.Distinct().Count());
        Assert.DoesNotContain("X", english[^1]);
    }

    [Fact]
    public void A_refusal_becomes_a_bad_request_naming_the_wrong_part()
    {
        var refusal = Assert.Throws<CivicGrid.Web.Infrastructure.Problems.DomainException>(() => CitizenId.Require("11010519900230001X", Today));

        Assert.Equal(400, refusal.Status);
        Assert.Equal("Registry.CitizenId.BirthDate.NotADate", refusal.MessageKey);
        Assert.Equal(["1990-02-30"], refusal.Args);
        Assert.Equal("BirthDate", refusal.Extensions["citizenIdError"]);
        Assert.Equal("11010519491231002X", CitizenId.Require("110105491231002", Today).Number);
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
