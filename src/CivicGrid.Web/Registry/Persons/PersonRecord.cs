using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Privacy;
using CivicGrid.Web.Residents.Accounts;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>
/// How a checked input becomes a person's record, new or changed, with a history row for each
/// field that changed. The desk, the API and the ledger import all write persons through here.
/// </summary>
public static class PersonRecord
{
    public static Person New(ValidPerson input, PersonalData data, DateTime now, RegistryHistory history, int? buildingId)
    {
        var id = data.Seal(input.IdNumber.Number, input.IdNumber.Masked);
        var person = new Person
        {
            Name = input.Name,
            IdNumberCipher = id.Cipher,
            IdNumberHash = id.Hash,
            IdNumberMasked = id.Masked,
            Sex = input.IdNumber.Sex,
            BirthDate = input.IdNumber.BirthDate,
            RegistrationPlace = input.RegistrationPlace ?? input.DerivedRegistrationPlace,
            CreatedAt = now,
            UpdatedAt = now,
        };
        SetPhone(person, input.Phone, data);
        SetCareTags(person, input.CareTagIds ?? [], now);
        history.Added(RegistryRecord.Person, () => person.Id, () => person.Id, buildingId);
        return person;
    }

    /// <summary>Writes what differs; a field left empty in the input (phone, registration place) keeps what the registry knows.</summary>
    public static void Update(Person person, ValidPerson input, PersonalData data, DateTime now, RegistryHistory history, int? buildingId)
    {
        void Change(string field, string? oldValue, string? newValue, bool sensitive = false) =>
            history.Changed(RegistryRecord.Person, () => person.Id, () => person.Id, buildingId, field, oldValue, newValue, sensitive);

        var changed = false;
        if (person.Name != input.Name)
        {
            Change(nameof(Person.Name), person.Name, input.Name);
            person.Name = input.Name;
            changed = true;
        }

        if (input.Phone is { } phone && person.PhoneHash != data.Hash(phone))
        {
            var old = person.PhoneCipher;
            SetPhone(person, phone, data);
            Change(PersonFields.Phone, old, person.PhoneCipher, sensitive: true);
            changed = true;
        }

        if (input.RegistrationPlace is { } place && person.RegistrationPlace != place)
        {
            Change(nameof(Person.RegistrationPlace), person.RegistrationPlace, place);
            person.RegistrationPlace = place;
            changed = true;
        }

        if (input.CareTagIds is { } tags && !tags.Order().SequenceEqual(person.CareTags.Select(t => t.CareTagId).Order()))
        {
            Change(nameof(Person.CareTags), Tags(person), string.Join(',', tags.Order()));
            SetCareTags(person, tags, now);
            changed = true;
        }

        if (changed)
        {
            person.UpdatedAt = now;
        }
    }

    private static string Tags(Person person) => string.Join(',', person.CareTags.Select(t => t.CareTagId).Order());

    private static void SetPhone(Person person, string? phone, PersonalData data)
    {
        if (phone is null)
        {
            return;
        }

        var sealedPhone = data.Seal(phone, PhoneNumbers.Mask(phone));
        (person.PhoneCipher, person.PhoneHash, person.PhoneMasked) = (sealedPhone.Cipher, sealedPhone.Hash, sealedPhone.Masked);
    }

    private static void SetCareTags(Person person, IReadOnlyList<int> tagIds, DateTime now)
    {
        person.CareTags.RemoveAll(t => !tagIds.Contains(t.CareTagId));
        person.CareTags.AddRange(tagIds
            .Where(id => person.CareTags.All(t => t.CareTagId != id))
            .Select(id => new PersonCareTag { CareTagId = id, TaggedAt = now }));
    }
}

/// <summary>Names of the history's fields that are not a property of their own (both numbers are three columns each).</summary>
public static class PersonFields
{
    public const string IdNumber = "IdNumber";
    public const string Phone = "Phone";
}
