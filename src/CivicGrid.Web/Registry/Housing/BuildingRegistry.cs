using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Housing;

public sealed record ResidentView(
    long ResidenceId, long PersonId, string Name, string? IdNumberMasked, string? PhoneMasked, Sex? Sex, int? Age,
    HouseholdRelation Relation, ResidenceType Type, DateOnly? MovedInOn, IReadOnlyList<string> CareTags);

public sealed record HouseholdView(long Id, IReadOnlyList<ResidentView> Residents);

public sealed record RoomView(long Id, int? UnitId, string? UnitName, string Number, RoomUse Use, IReadOnlyList<HouseholdView> Households)
{
    public int ResidentCount => Households.Sum(h => h.Residents.Count);
}

public sealed record BuildingRegistryView(int BuildingId, IReadOnlyList<RoomView> Rooms, IReadOnlyList<ChangeView> RecentChanges)
{
    public int ResidentCount => Rooms.Sum(r => r.ResidentCount);
}

/// <summary>Who lives in a building, room by room, and what changed there lately: the registry half of the building page.</summary>
public sealed class BuildingRegistry(CivicGridDb db, RegistryScope scope, RegistryChanges changes, TimeProvider clock)
{
    public const int RecentChangeCount = 20;

    public async Task<BuildingRegistryView> ForBuildingAsync(int buildingId, Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        var building = await db.Buildings.AsNoTracking().Where(b => b.Id == buildingId)
            .Select(b => new { b.GridId, Units = b.Units.Select(u => new { u.Id, u.Name, u.Order }).ToList() })
            .SingleOrDefaultAsync(ct);
        if (building is null || !reach.Covers(building.GridId))
        {
            throw DomainException.NotFound();
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.BuildingId == buildingId)
            .Select(r => new { r.Id, r.UnitId, r.Number, r.Use })
            .ToListAsync(ct);
        var residents = await db.Residences.AsNoTracking()
            .Where(r => r.Household!.Room!.BuildingId == buildingId && r.MovedOutOn == null)
            .Select(r => new
            {
                r.Id,
                r.HouseholdId,
                r.Household!.RoomId,
                r.PersonId,
                r.Person!.Name,
                r.Person.IdNumberMasked,
                r.Person.PhoneMasked,
                r.Person.Sex,
                r.Person.BirthDate,
                r.Relation,
                r.Type,
                r.MovedInOn,
                Tags = r.Person.CareTags.OrderBy(t => t.CareTag!.Order).Select(t => t.CareTag!.Name).ToList(),
            })
            .ToListAsync(ct);
        var households = await db.Households.AsNoTracking().Where(h => h.Room!.BuildingId == buildingId)
            .Select(h => new { h.Id, h.RoomId }).ToListAsync(ct);

        var today = LocalTime.Today(clock);
        var householdsByRoom = households.ToLookup(h => h.RoomId, h => h.Id);
        var residentsByHousehold = residents.ToLookup(r => r.HouseholdId);
        var unitNames = building.Units.ToDictionary(u => u.Id, u => u.Name);
        var unitOrder = building.Units.ToDictionary(u => u.Id, u => u.Order);
        var roomViews = rooms
            .OrderBy(r => r.UnitId is { } unit ? unitOrder[unit] : int.MinValue)
            .ThenBy(r => r.Number.Length).ThenBy(r => r.Number, StringComparer.Ordinal)
            .Select(room => new RoomView(room.Id, room.UnitId, room.UnitId is { } unit ? unitNames[unit] : null, room.Number, room.Use,
                householdsByRoom[room.Id].Order()
                    .Select(household => new HouseholdView(household, residentsByHousehold[household]
                        .OrderBy(r => r.Relation).ThenBy(r => r.BirthDate)
                        .Select(r => new ResidentView(r.Id, r.PersonId, r.Name, r.IdNumberMasked, r.PhoneMasked, r.Sex,
                            r.BirthDate is { } born ? Ages.On(born, today) : null, r.Relation, r.Type, r.MovedInOn, r.Tags))
                        .ToList()))
                    .Where(h => h.Residents.Count > 0)
                    .ToList()))
            .ToList();
        var recent = await changes.ForBuildingAsync(buildingId, RecentChangeCount, ct);
        return new BuildingRegistryView(buildingId, roomViews, recent);
    }
}
