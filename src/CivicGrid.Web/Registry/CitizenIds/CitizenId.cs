using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CivicGrid.Web.Registry.CitizenIds;

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>
/// A citizen ID number (公民身份号码, GB 11643-1999), checked and normalised to eighteen
/// characters: division code, birth date, sequence (odd for men) and the ISO 7064 MOD 11-2
/// check character. Only <see cref="Parse"/> makes one, so holding one means it is valid.
/// </summary>
public sealed record CitizenId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    private CitizenId(string number, DateOnly birthDate, bool wasUpgraded)
    {
        Number = number;
        BirthDate = birthDate;
        WasUpgraded = wasUpgraded;
    }

    /// <summary>The eighteen characters, a final x written as X.</summary>
    public string Number { get; }

    public DateOnly BirthDate { get; }

    public Sex Sex => (Number[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Where the number was issued; the code may have been retired since, see <see cref="Divisions.Find"/>.</summary>
    public string DivisionCode => Number[..6];

    /// <summary>Typed as an old fifteen-digit number and completed to eighteen.</summary>
    public bool WasUpgraded { get; }

    /// <summary>"110***********1234".</summary>
    public string Masked => Mask(Number);

    /// <summary>
    /// Checks what a person typed. Whitespace is dropped and full-width characters read as their
    /// ASCII twins, because numbers are copied from scans and typed with Chinese input methods.
    /// <paramref name="today"/> bounds the birth date; it is passed in so the caller's clock decides.
    /// </summary>
    public static CitizenIdResult Parse(string? input, DateOnly today)
    {
        var typed = Typed(input);
        if (typed.Length is not (15 or 18))
        {
            return CitizenIdRefusal.Length(typed.Length);
        }

        var upgrading = typed.Length == 15;
        var digits = upgrading ? typed : typed[..17];
        if (!digits.All(char.IsAsciiDigit) || !(upgrading || char.IsAsciiDigit(typed[17]) || typed[17] == 'X'))
        {
            return CitizenIdRefusal.Characters();
        }

        if (upgrading)
        {
            digits = string.Concat(typed.AsSpan(0, 6), "19", typed.AsSpan(6));
        }

        if (!Divisions.IsProvince(digits[..2]))
        {
            return CitizenIdRefusal.Province(digits[..2]);
        }

        var written = $"{digits[6..10]}-{digits[10..12]}-{digits[12..14]}";
        if (!DateOnly.TryParseExact(digits[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            return CitizenIdRefusal.BirthDate(BirthDateProblem.NotADate, written);
        }

        if (birthDate < Earliest)
        {
            return CitizenIdRefusal.BirthDate(BirthDateProblem.TooEarly, written);
        }

        if (birthDate > today)
        {
            return CitizenIdRefusal.BirthDate(BirthDateProblem.InFuture, written);
        }

        var check = CheckCharacterOf(digits);
        if (!upgrading && typed[17] != check)
        {
            return CitizenIdRefusal.CheckCharacter();
        }

        return new CitizenIdResult(new CitizenId(digits + check, birthDate, upgrading), null);
    }

    /// <summary>The number, or a 400 problem saying which part is wrong: for APIs that refuse the whole request.</summary>
    public static CitizenId Require(string? input, DateOnly today)
    {
        var result = Parse(input, today);
        return result.IsValid ? result.Id : throw result.Refusal.ToException();
    }

    /// <summary>
    /// First three and last four characters kept ("110***********1234"): the place and enough to
    /// tell two people apart on a list, never the birth date.
    /// </summary>
    public static string Mask(string number) =>
        number.Length < 8 ? new string('*', number.Length) : string.Concat(number.AsSpan(0, 3), new string('*', number.Length - 7), number.AsSpan(number.Length - 4));

    public override string ToString() => Number;

    private static string Typed(string? input)
    {
        if (input is null)
        {
            return string.Empty;
        }

        var typed = new StringBuilder(input.Length);
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                typed.Append(char.ToUpperInvariant(c));
            }
        }

        return typed.ToString();
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first seventeen digits.</summary>
    public static char CheckCharacterOf(string seventeenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (seventeenDigits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}

/// <summary>A parsed number, or why it was refused.</summary>
public sealed record CitizenIdResult(CitizenId? Id, CitizenIdRefusal? Refusal)
{
    [MemberNotNullWhen(true, nameof(Id))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsValid => Id is not null;

    public static implicit operator CitizenIdResult(CitizenIdRefusal refusal) => new(null, refusal);
}
