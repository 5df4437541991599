using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.CitizenIds;

/// <summary>Which part of a citizen ID number is wrong.</summary>
public enum CitizenIdError
{
    Length,
    Characters,
    Province,
    BirthDate,
    CheckCharacter,
}

public enum BirthDateProblem
{
    NotADate,
    TooEarly,
    InFuture,
}

/// <summary>
/// Why a number was refused, as a message key of texts.tsv and its arguments. A wrong check
/// character is only said to be wrong: naming the right one would help someone make up a number.
/// </summary>
public sealed record CitizenIdRefusal(CitizenIdError Error, BirthDateProblem? BirthDateProblem, string MessageKey, IReadOnlyList<object> Args)
{
    internal static CitizenIdRefusal Length(int length) => new(CitizenIdError.Length, null, "Registry.CitizenId.Length", [length]);

    internal static CitizenIdRefusal Characters() => new(CitizenIdError.Characters, null, "Registry.CitizenId.Characters", []);

    internal static CitizenIdRefusal Province(string twoDigits) => new(CitizenIdError.Province, null, "Registry.CitizenId.Province", [twoDigits]);

    internal static CitizenIdRefusal BirthDate(BirthDateProblem problem, string written) =>
        new(CitizenIdError.BirthDate, problem, $"Registry.CitizenId.BirthDate.{problem}", [written]);

    internal static CitizenIdRefusal CheckCharacter() => new(CitizenIdError.CheckCharacter, null, "Registry.CitizenId.CheckCharacter", []);

    /// <summary>A 400 problem whose detail is the message and whose "citizenIdError" member names the part, for clients that point at it.</summary>
    public DomainException ToException() =>
        new(StatusCodes.Status400BadRequest, MessageKey, [.. Args])
        {
            Extensions = new Dictionary<string, object?> { ["citizenIdError"] = Error.ToString() },
        };
}

public static class CitizenIdTextExtensions
{
    /// <summary>The refusal in the caller's language, for a page to show beside the field.</summary>
    public static string Describe(this IStringLocalizer text, CitizenIdRefusal refusal) => text[refusal.MessageKey, [.. refusal.Args]];
}
