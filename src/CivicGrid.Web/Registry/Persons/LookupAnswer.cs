using System.Globalization;
using CivicGrid.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>
/// What the registration form's script fills in from a typed number (JSON). <see cref="Summary"/>
/// says the registry already has this person, so registering adds a residence to their record;
/// <see cref="Message"/> is a refusal of the number, shown under the field.
/// </summary>
public sealed record LookupAnswer(
    bool Found, bool IsKnown, long? PersonId, string? Name, string? Sex, string? BirthDate, string? RegistrationPlace,
    IReadOnlyList<int> CareTagIds, string? Summary, string? Message)
{
    public static LookupAnswer Of(PersonPrefill? prefill, DateOnly today, IStringLocalizer<Text> text)
    {
        if (prefill is null)
        {
            return new LookupAnswer(false, false, null, null, null, null, null, [], null, null);
        }

        string? summary = null;
        if (prefill.IsKnown)
        {
            var facts = new List<string>();
            if (prefill.Sex is { } sex)
            {
                facts.Add(text.Of(sex));
            }

            if (prefill.BirthDate is { } born)
            {
                facts.Add(text["Registry.Person.Age", Ages.On(born, today)]);
            }

            summary = facts.Count == 0
                ? text["Registry.Lookup.KnownPlain", prefill.Name ?? ""]
                : text["Registry.Lookup.Known", prefill.Name ?? "", string.Join(text["Registry.Lookup.Separator"], facts)];
        }

        return new LookupAnswer(true, prefill.IsKnown, prefill.PersonId, prefill.Name, prefill.Sex?.ToString(),
            prefill.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), prefill.RegistrationPlace, prefill.CareTagIds, summary, null);
    }

    public static LookupAnswer Refused(string message) => new(false, false, null, null, null, null, null, [], null, message);
}
