using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Residents.Accounts;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>A person as a form, the API or a ledger row gives them. Null care tags leave the person's tags as they are.</summary>
public sealed record PersonInput(string? Name, string? IdNumber, string? Phone = null, string? RegistrationPlace = null, IReadOnlyList<int>? CareTagIds = null);

/// <summary>A person's input, checked: the ID number normalised to eighteen characters, the phone to eleven digits.</summary>
public sealed record ValidPerson(string Name, CitizenId IdNumber, string? Phone, string? RegistrationPlace, IReadOnlyList<int>? CareTagIds)
{
    /// <summary>The household registration place the form shows until someone writes another: the ID number's division.</summary>
    public string? DerivedRegistrationPlace => Divisions.Describe(IdNumber.DivisionCode);

    /// <summary>
    /// Checks every field and refuses with all that is wrong. The ID number is the person's identity
    /// in the registry (one record per number), so it is required; a wrong number says which part is wrong.
    /// </summary>
    public static ValidPerson From(PersonInput input, DateOnly today)
    {
        var parsed = CitizenId.Parse(input.IdNumber, today);
        if (string.IsNullOrWhiteSpace(input.IdNumber))
        {
            new Validation().Require(false, "idNumber", "Validation.Required").Text(input.Name, "name", PersonConfiguration.NameMaxLength).ThrowIfInvalid();
        }

        if (parsed.Refusal is { } refusal)
        {
            throw refusal.ToException();
        }

        var phone = PhoneNumbers.Normalise(input.Phone);
        new Validation()
            .Text(input.Name, "name", PersonConfiguration.NameMaxLength)
            .Require(string.IsNullOrWhiteSpace(input.Phone) || phone is not null, "phone", "Registry.Person.PhoneInvalid")
            .Text(input.RegistrationPlace, "registrationPlace", PersonConfiguration.RegistrationPlaceMaxLength, required: false)
            .ThrowIfInvalid();
        var place = string.IsNullOrWhiteSpace(input.RegistrationPlace) ? null : input.RegistrationPlace.Trim();
        return new ValidPerson(input.Name!.Trim(), parsed.Id!, phone, place, input.CareTagIds?.Distinct().ToList());
    }
}
