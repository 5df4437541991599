using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Housing;

public sealed record RoomInput(int? UnitId, string? Number, RoomUse Use = RoomUse.OwnerOccupied);

/// <summary>
/// Someone to register in a room: the person (found by their ID number if the registry knows
/// them), the household they join (null: a household of their own) and how they live there.
/// </summary>
public sealed record ResidentInput(PersonInput Person, long? HouseholdId, HouseholdRelation Relation, ResidenceType Type, DateOnly? MovedInOn = null);

public sealed record Registered(long PersonId, long HouseholdId, long ResidenceId, bool WasKnown);

/// <summary>
/// 楼栋登记: rooms of a building, who lives in them, who moved in and out. Every write is checked
/// against the caller's <see cref="RegistryReach"/>, saved with its history in one transaction,
/// and refused as a whole when anything is wrong.
/// </summary>
public sealed class HousingDesk(CivicGridDb db, RegistryScope scope, PersonalData data, TimeProvider clock)
{
    public async Task<long> AddRoomAsync(int buildingId, RoomInput input, Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        var building = await db.Buildings.Include(b => b.Units).SingleOrDefaultAsync(b => b.Id == buildingId && b.IsActive, ct);
        if (building is null || !reach.Covers(building.GridId))
        {
            throw DomainException.NotFound();
        }

        var number = input.Number?.Trim();
        new Validation()
            .Text(number, "number", RoomConfiguration.NumberMaxLength)
            .Require(input.UnitId is null || building.Units.Any(u => u.Id == input.UnitId), "unitId", "Registry.Room.UnitNotInBuilding")
            .Require(Enum.IsDefined(input.Use), "use", "Validation.UnknownValue")
            .ThrowIfInvalid();
        if (await db.Rooms.AnyAsync(r => r.BuildingId == buildingId && r.UnitId == input.UnitId && r.Number == number, ct))
        {
            throw DomainException.Conflict("Registry.Room.Exists", number!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var room = new Room { BuildingId = buildingId, UnitId = input.UnitId, Number = number!, Use = input.Use, CreatedAt = now };
        var history = new RegistryHistory(ChangeAuthor.Of(caller), now);
        history.Added(RegistryRecord.Room, () => room.Id, () => null, buildingId);
        db.Rooms.Add(room);
        await history.SaveAsync(db, ct);
        return room.Id;
    }

    public async Task ChangeRoomUseAsync(long roomId, RoomUse use, Caller caller, CancellationToken ct)
    {
        var room = await RoomAsync(roomId, caller, ct);
        if (!Enum.IsDefined(use))
        {
            new Validation().Require(false, "use", "Validation.UnknownValue").ThrowIfInvalid();
        }

        if (room.Use == use)
        {
            return;
        }

        var history = new RegistryHistory(ChangeAuthor.Of(caller), clock.GetUtcNow().UtcDateTime);
        history.Changed(RegistryRecord.Room, () => room.Id, () => null, room.BuildingId, nameof(Room.Use), room.Use.ToString(), use.ToString());
        room.Use = use;
        await history.SaveAsync(db, ct);
    }

    /// <summary>
    /// Registers a person in a room. A known ID number joins the one record the registry has (its
    /// name, phone and tags brought up to date), never a copy; a person already living in this
    /// household is refused.
    /// </summary>
    public async Task<Registered> RegisterAsync(long roomId, ResidentInput input, Caller caller, CancellationToken ct)
    {
        var room = await RoomAsync(roomId, caller, ct);
        var valid = ValidPerson.From(input.Person, LocalTime.Today(clock));
        new Validation()
            .Require(Enum.IsDefined(input.Relation), "relation", "Validation.UnknownValue")
            .Require(Enum.IsDefined(input.Type), "type", "Validation.UnknownValue")
            .Require(input.MovedInOn is null || input.MovedInOn <= LocalTime.Today(clock), "movedInOn", "Registry.Residence.MovedInFuture")
            .ThrowIfInvalid();
        await CareTagChoice.RequireAsync(db, valid.CareTagIds, [], ct);

        var household = input.HouseholdId is { } householdId
            ? await db.Households.SingleOrDefaultAsync(h => h.Id == householdId && h.RoomId == roomId, ct)
                ?? throw DomainException.BadRequest("Registry.Residence.HouseholdNotInRoom")
            : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var history = new RegistryHistory(ChangeAuthor.Of(caller), now);
        var registration = new ResidentRegistration(db, data, history, now, LocalTime.Today(clock));
        var hash = data.Hash(valid.IdNumber.Number);
        var known = (await ResidentRegistration.KnownPersonsAsync(db, [hash], ct)).GetValueOrDefault(hash);
        if (known is not null && household is not null
            && (await ResidentRegistration.LivingAsync(db, [known.Id], ct))[known.Id].Any(r => r.HouseholdId == household.Id))
        {
            throw DomainException.Conflict("Registry.Residence.AlreadyThere", valid.Name);
        }

        var person = registration.PersonOf(valid, known, room.BuildingId);
        household ??= registration.AddHousehold(roomId, null, room.BuildingId);
        var residence = registration.AddResidence(person, household.Id, household, input.Relation, input.Type, input.MovedInOn, room.BuildingId);
        await history.SaveAsync(db, ct);
        return new Registered(person.Id, household.Id, residence.Id, known is not null);
    }

    /// <summary>搬离: the residence ends on that day and stays as history.</summary>
    public async Task MoveOutAsync(long residenceId, DateOnly? movedOutOn, Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        var residence = await reach.Residences(db)
            .Include(r => r.Household!).ThenInclude(h => h.Room)
            .SingleOrDefaultAsync(r => r.Id == residenceId, ct) ?? throw DomainException.NotFound();
        if (residence.MovedOutOn is not null)
        {
            throw DomainException.Conflict("Registry.Residence.AlreadyMovedOut");
        }

        var day = movedOutOn ?? LocalTime.Today(clock);
        new Validation()
            .Require(day <= LocalTime.Today(clock), "movedOutOn", "Registry.Residence.MovedOutFuture")
            .Require(residence.MovedInOn is null || day >= residence.MovedInOn, "movedOutOn", "Registry.Residence.MovedOutBeforeIn")
            .ThrowIfInvalid();
        var history = new RegistryHistory(ChangeAuthor.Of(caller), clock.GetUtcNow().UtcDateTime);
        history.Changed(RegistryRecord.Residence, () => residence.Id, () => residence.PersonId, residence.Household!.Room!.BuildingId,
            nameof(Residence.MovedOutOn), null, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        residence.MovedOutOn = day;
        await history.SaveAsync(db, ct);
    }

    private async Task<Room> RoomAsync(long roomId, Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        return await reach.Rooms(db).SingleOrDefaultAsync(r => r.Id == roomId, ct) ?? throw DomainException.NotFound();
    }
}
