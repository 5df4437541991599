using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Housing;

/// <summary>楼栋登记: a grid worker registers people in the rooms of a building; a person is one record wherever they live.</summary>
public sealed class RegisteringResidentsTests : AppTest
{
    private static readonly string Tenant = RegistryClient.IdNumber("360102", "19950607", 13);

    [Fact]
    public async Task A_tenant_is_registered_with_what_the_id_number_says_and_shows_masked_in_the_building()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var room = await worker.AddRoomAsync(building, await App.UnitOfAsync(building, "3单元"), "502", RoomUse.Rented);

        var registered = await worker.RegisterAsync(room, new PersonInput("周小川", Tenant, "139 0596 3001"), type: ResidenceType.Tenant);

        Assert.False(registered.WasKnown);
        var view = await worker.BuildingRegistryAsync(building);
        var listed = view.Rooms.Single(r => r.Id == room);
        Assert.Equal(("3单元", "502", RoomUse.Rented), (listed.UnitName, listed.Number, listed.Use));
        var tenant = listed.Households.Single().Residents.Single();
        Assert.Equal(("周小川", "360***********" + Tenant[^4..], "139****3001", Sex.Male, 31, ResidenceType.Tenant),
            (tenant.Name, tenant.IdNumberMasked, tenant.PhoneMasked, tenant.Sex, tenant.Age, tenant.Type));
        var person = await worker.PersonAsync(registered.PersonId);
        Assert.Equal((new DateOnly(1995, 6, 7), "江西省南昌市东湖区"), (person.BirthDate, person.RegistrationPlace));
        Assert.Contains(view.RecentChanges, c => c.Record == RegistryRecord.Person && c.Kind == RegistryChangeKind.Added && c.PersonName == "周小川" && c.ByName == "邱美灵");
    }

    [Fact]
    public async Task A_known_id_number_joins_the_one_record_wherever_the_person_lives()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var flat = await worker.AddRoomAsync(building, await App.UnitOfAsync(building, "3单元"), "101");
        var first = await worker.RegisterAsync(flat, new PersonInput("周小川", Tenant));

        var other = await App.SignInAsync("linxiaohua");
        var elsewhere = await App.DemoBuildingAsync(grid: 1);
        var shop = await other.AddRoomAsync(elsewhere, null, "底商1号", RoomUse.Shop);
        var second = await other.RegisterAsync(shop, new PersonInput("周小川", Tenant, "13905963002"), type: ResidenceType.Floating);

        Assert.True(second.WasKnown);
        Assert.Equal(first.PersonId, second.PersonId);
        Assert.Equal(1, await App.QueryAsync(db => db.Persons.CountAsync(p => p.Name == "周小川")));
        var seenHere = await worker.PersonAsync(first.PersonId);
        Assert.Equal((1, 1, "139****3002"), (seenHere.Residences.Count, seenHere.ResidencesElsewhere, seenHere.PhoneMasked));
    }

    [Theory]
    [InlineData("36010219950607001", "Length")]
    [InlineData("3601021995060701AX", "Characters")]
    [InlineData("990102199506070134", "Province")]
    [InlineData("360102199502300134", "BirthDate")]
    [InlineData("CHECK", "CheckCharacter")]
    public async Task A_wrong_id_number_says_which_part_is_wrong_and_registers_nothing(string idNumber, string error)
    {
        if (idNumber == "CHECK")
        {
            idNumber = Tenant[..17] + (Tenant[17] == '0' ? '1' : '0');
        }

        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var room = await worker.AddRoomAsync(building, await App.UnitOfAsync(building, "3单元"), "502");
        var before = await App.RegistryCountsAsync();

        var problem = await (await worker.TryRegisterAsync(room, new PersonInput("周小川", idNumber))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal(error, problem.GetProperty("citizenIdError").GetString());
        Assert.Equal(before, await App.RegistryCountsAsync());
    }

    [Fact]
    public async Task Missing_name_and_a_bad_phone_are_refused_together_and_nothing_is_written()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var room = await worker.AddRoomAsync(building, null, "门卫室");
        var before = await App.RegistryCountsAsync();

        var problem = await (await worker.TryRegisterAsync(room, new PersonInput(" ", Tenant, "12345"))).ShouldBeProblem(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("phone", out _), problem.ToString());
        Assert.Equal(before, await App.RegistryCountsAsync());
    }

    [Fact]
    public async Task The_same_person_cannot_be_registered_twice_in_one_household()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var room = await worker.AddRoomAsync(building, null, "门卫室");
        var first = await worker.RegisterAsync(room, new PersonInput("周小川", Tenant));

        await (await worker.TryRegisterAsync(room, new PersonInput("周小川", Tenant), householdId: first.HouseholdId)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_room_number_is_unique_within_its_unit()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var unit = await App.UnitOfAsync(building, "1单元");

        await (await worker.TryAddRoomAsync(building, unit, "101")).ShouldBeProblem(HttpStatusCode.Conflict);
        await worker.AddRoomAsync(building, await App.UnitOfAsync(building, "3单元"), "101");
    }

    [Fact]
    public async Task Moving_out_ends_the_residence_and_keeps_it_as_history()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var tenant = (await worker.BuildingRegistryAsync(building)).Rooms.SelectMany(r => r.Households).SelectMany(h => h.Residents).Single(r => r.Name == "赵磊");

        await (await worker.TryMoveOutAsync(tenant.ResidenceId, new DateOnly(2026, 11, 20))).ShouldBe(HttpStatusCode.NoContent);

        var after = await worker.BuildingRegistryAsync(building);
        Assert.DoesNotContain(after.Rooms.SelectMany(r => r.Households).SelectMany(h => h.Residents), r => r.Name == "赵磊");
        var person = await worker.PersonAsync(tenant.PersonId);
        Assert.Equal(new DateOnly(2026, 11, 20), person.Residences.Single().MovedOutOn);
        Assert.Contains(after.RecentChanges, c => c.Field == nameof(Residence.MovedOutOn) && c.NewValue == "2026-11-20");
        await (await worker.TryMoveOutAsync(tenant.ResidenceId)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_move_out_in_the_future_is_refused()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var building = await App.DemoBuildingAsync();
        var tenant = (await worker.BuildingRegistryAsync(building)).Rooms.SelectMany(r => r.Households).SelectMany(h => h.Residents).Single(r => r.Name == "赵磊");

        await (await worker.TryMoveOutAsync(tenant.ResidenceId, new DateOnly(2027, 1, 1))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Null(await App.QueryAsync(db => db.Residences.Where(r => r.Id == tenant.ResidenceId).Select(r => r.MovedOutOn).SingleAsync()));
    }
}
