using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Registry;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>What staff do with the population registry through the API, and the ID numbers tests make up.</summary>
public static class RegistryClient
{
    /// <summary>A valid eighteen-character number: division, birth date, sequence (odd: a man) and its check character.</summary>
    public static string IdNumber(string division, string born, int sequence)
    {
        var seventeen = $"{division}{born}{sequence:000}";
        return seventeen + CitizenId.CheckCharacterOf(seventeen);
    }

    /// <summary>The first demo building of a grid; that of 毅阳社区 第3网格 is where the demo residents live.</summary>
    public static Task<int> DemoBuildingAsync(this CivicGridFactory app, string community = "毅阳社区", int grid = 3) =>
        app.QueryAsync(db => db.Buildings.Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.Name == $"第{grid}网格" && u.Parent!.Name == community))
            .OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());

    public static Task<int> UnitOfAsync(this CivicGridFactory app, int buildingId, string unit) =>
        app.QueryAsync(db => db.BuildingUnits.Where(u => u.BuildingId == buildingId && u.Name == unit).Select(u => u.Id).SingleAsync());

    public static Task<HttpResponseMessage> TryAddRoomAsync(this HttpClient staff, int buildingId, int? unitId, string number, RoomUse use = RoomUse.OwnerOccupied) =>
        staff.PostAsJsonAsync($"/api/v1/registry/buildings/{buildingId}/rooms", new { unitId, number, use = use.ToString() });

    public static async Task<long> AddRoomAsync(this HttpClient staff, int buildingId, int? unitId, string number, RoomUse use = RoomUse.OwnerOccupied) =>
        (await (await staff.TryAddRoomAsync(buildingId, unitId, number, use)).ShouldBe<RegistryApi.Created>(HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> TryRegisterAsync(this HttpClient staff, long roomId, PersonInput person,
        HouseholdRelation relation = HouseholdRelation.Head, ResidenceType type = ResidenceType.Registered, long? householdId = null, DateOnly? movedInOn = null) =>
        staff.PostAsJsonAsync($"/api/v1/registry/rooms/{roomId}/residents",
            new { person, householdId, relation = relation.ToString(), type = type.ToString(), movedInOn }, ResponseAssertions.Json);

    public static async Task<Registered> RegisterAsync(this HttpClient staff, long roomId, PersonInput person,
        HouseholdRelation relation = HouseholdRelation.Head, ResidenceType type = ResidenceType.Registered, long? householdId = null) =>
        await (await staff.TryRegisterAsync(roomId, person, relation, type, householdId)).ShouldBe<Registered>(HttpStatusCode.Created);

    public static async Task<BuildingRegistryView> BuildingRegistryAsync(this HttpClient staff, int buildingId) =>
        await (await staff.GetAsync($"/api/v1/registry/buildings/{buildingId}")).ShouldBe<BuildingRegistryView>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryPersonAsync(this HttpClient staff, long personId) => staff.GetAsync($"/api/v1/registry/persons/{personId}");

    public static async Task<PersonView> PersonAsync(this HttpClient staff, long personId) =>
        await (await staff.TryPersonAsync(personId)).ShouldBe<PersonView>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryLookupAsync(this HttpClient staff, string? idNumber = null, string? phone = null) =>
        staff.GetAsync($"/api/v1/registry/persons/lookup?idNumber={Uri.EscapeDataString(idNumber ?? "")}&phone={Uri.EscapeDataString(phone ?? "")}");

    public static Task<HttpResponseMessage> TryUnmaskAsync(this HttpClient staff, long personId, string field, string? reason) =>
        staff.PostAsJsonAsync($"/api/v1/registry/persons/{personId}/unmask", new { field, reason });

    public static Task<HttpResponseMessage> TryMoveOutAsync(this HttpClient staff, long residenceId, DateOnly? movedOutOn = null) =>
        staff.PostAsJsonAsync($"/api/v1/registry/residences/{residenceId}/move-out", new { movedOutOn });

    /// <summary>Removes the demo residents, for tests whose figures are the whole registry.</summary>
    public static Task ClearRegistryAsync(this CivicGridFactory app) => app.QueryAsync(async db =>
    {
        await db.PersonCareTags.ExecuteDeleteAsync();
        await db.RegistryChanges.ExecuteDeleteAsync();
        await db.Residences.ExecuteDeleteAsync();
        await db.Households.ExecuteDeleteAsync();
        await db.Rooms.ExecuteDeleteAsync();
        return await db.Persons.ExecuteDeleteAsync();
    });

    /// <summary>How many rows the registry holds, to show a refused request wrote none.</summary>
    public static Task<(int Persons, int Residences, int Rooms, int Changes)> RegistryCountsAsync(this CivicGridFactory app) =>
        app.QueryAsync(async db => (await db.Persons.CountAsync(), await db.Residences.CountAsync(), await db.Rooms.CountAsync(), await db.RegistryChanges.CountAsync()));
}
