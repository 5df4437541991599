using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Housing;

/// <summary>
/// The rules of registering a checked resident in a room, for the housing desk (one resident from
/// the form or the API) and the ledger import (a batch of a thousand): the ID number finds the one
/// record of a person, which is brought up to date, or a new one is made; a household is added to
/// a room; a residence joins the person to a household. Records are added to the context with their
/// history rows; the caller looks up what is known first (<see cref="KnownPersonsAsync"/>,
/// <see cref="LivingAsync"/>) and saves through <see cref="RegistryHistory.SaveAsync"/>.
/// </summary>
public sealed class ResidentRegistration(CivicGridDb db, PersonalData data, RegistryHistory history, DateTime now, DateOnly today)
{
    /// <summary>The persons the registry has with these ID number hashes, with their care tags.</summary>
    public static Task<Dictionary<string, Person>> KnownPersonsAsync(CivicGridDb db, IReadOnlyCollection<string> hashes, CancellationToken ct) =>
        db.Persons.Include(p => p.CareTags).Where(p => hashes.Contains(p.IdNumberHash!)).ToDictionaryAsync(p => p.IdNumberHash!, ct);

    /// <summary>Where these persons live now, by person, with the household (and so its room).</summary>
    public static async Task<ILookup<long, Residence>> LivingAsync(CivicGridDb db, IReadOnlyCollection<long> personIds, CancellationToken ct) =>
        (await db.Residences.Include(r => r.Household)
            .Where(r => personIds.Contains(r.PersonId) && r.MovedOutOn == null)
            .ToListAsync(ct))
        .ToLookup(r => r.PersonId);

    /// <summary>The person with this ID number: the registry's one record brought up to date (<paramref name="known"/>), never a copy, or a new one.</summary>
    public Person PersonOf(ValidPerson input, Person? known, int buildingId)
    {
        if (known is not null)
        {
            PersonRecord.Update(known, input, data, now, history, buildingId);
            return known;
        }

        var person = PersonRecord.New(input, data, now, history, buildingId);
        db.Persons.Add(person);
        return person;
    }

    /// <summary>A new household in a room known by id, or by its entity when the room is being added in the same save.</summary>
    public Household AddHousehold(long roomId, Room? room, int buildingId)
    {
        var household = new Household { RoomId = roomId, Room = room, CreatedAt = now };
        db.Households.Add(household);
        history.Added(RegistryRecord.Household, () => household.Id, () => null, buildingId);
        return household;
    }

    /// <summary>
    /// The person moves into a household known by id, or by its entity when it is being added in the
    /// same save; without a day, they moved in today.
    /// </summary>
    public Residence AddResidence(Person person, long householdId, Household? household, HouseholdRelation relation, ResidenceType type, DateOnly? movedInOn, int buildingId)
    {
        var residence = new Residence
        {
            Person = person,
            HouseholdId = householdId,
            Household = household,
            Relation = relation,
            Type = type,
            MovedInOn = movedInOn ?? today,
        };
        db.Residences.Add(residence);
        history.Added(RegistryRecord.Residence, () => residence.Id, () => person.Id, buildingId);
        return residence;
    }
}
