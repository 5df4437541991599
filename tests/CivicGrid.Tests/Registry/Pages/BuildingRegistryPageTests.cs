using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CivicGrid.Tests.Registry.Pages.RegistryPages;

namespace CivicGrid.Tests.Registry.Pages;

/// <summary>The registry on the building page a building's QR code opens: rooms, residents, recent changes and the forms.</summary>
public sealed class BuildingRegistryPageTests : AppTest
{
    [Fact]
    public async Task A_grid_worker_registers_a_tenant_on_the_building_page_and_sees_them_in_the_room()
    {
        var building = await App.BuildingInGridAsync("毅阳社区", 3);
        var worker = await App.SignInToPagesAsync("qiumeiling");
        var room = await worker.AddRoomAsync(App, building, "9302");

        var registered = await worker.RegisterAsync(building, room, ZhangSan, "张三", phone: "13900000001");

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal($"/Geography/Building/{building}?room={room}#room-{room}", registered.Headers.Location?.OriginalString);
        var page = await (await worker.GetAsync(registered.Headers.Location!.OriginalString)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"building-registry\"", page);
        Assert.Contains("1单元9302", page);
        Assert.Contains("出租", page);
        Assert.Contains("<strong>张三</strong>", page);
        Assert.Contains("110***********0016", page);
        Assert.Contains("139****0001", page);
        Assert.DoesNotContain(ZhangSan, page);
        Assert.DoesNotContain("13900000001", page);
        Assert.Contains("男 · 45岁", page);
        Assert.Contains("户主 · 租户", page);
        Assert.Contains("张三 入住 1单元9302", page);
        var person = await App.QueryAsync(db => db.Persons.Where(p => p.Name == "张三").Select(p => p.Id).SingleAsync());
        Assert.Contains($"href=\"/Registry/Persons/{person}\"", page);
    }

    [Fact]
    public async Task A_wrong_id_number_is_shown_beside_the_field_and_nobody_is_registered()
    {
        await App.ClearRegistryAsync();
        var building = await App.BuildingInGridAsync("毅阳社区", 3);
        var worker = await App.SignInToPagesAsync("qiumeiling");
        var room = await worker.AddRoomAsync(App, building, "9303");

        var refused = await (await worker.RegisterAsync(building, room, "110105198105020017", "张三")).ShouldBePage(HttpStatusCode.BadRequest);

        Assert.Contains("校验位不符，请核对号码", refused);
        Assert.Contains("value=\"110105198105020017\"", refused);
        Assert.Equal(0, await App.QueryAsync(db => db.Persons.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Residences.CountAsync()));
    }

    [Fact]
    public async Task A_person_registered_again_elsewhere_is_the_same_record_and_the_known_name_is_kept_without_script()
    {
        await App.ClearRegistryAsync();
        var building = await App.BuildingInGridAsync("毅阳社区", 3);
        var worker = await App.SignInToPagesAsync("qiumeiling");
        var first = await worker.AddRoomAsync(App, building, "9304", use: "OwnerOccupied");
        var second = await worker.AddRoomAsync(App, building, "9305");
        await worker.RegisterAsync(building, first, ZhangSan, "张三", type: "Registered");

        var again = await worker.RegisterAsync(building, second, ZhangSan, "");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.Persons.CountAsync()));
        Assert.Equal(["张三", "张三"], await App.QueryAsync(db => db.Residences.Select(r => r.Person!.Name).ToListAsync()));
    }

    [Fact]
    public async Task The_lookup_fills_a_known_person_and_reads_sex_birth_and_registration_place_from_a_new_number()
    {
        var building = await App.BuildingInGridAsync("毅阳社区", 3);
        var worker = await App.SignInToPagesAsync("qiumeiling");
        var room = await worker.AddRoomAsync(App, building, "9306");
        await worker.RegisterAsync(building, room, ZhangSan, "张三", phone: "13900000001");

        var known = await LookupAsync(worker, building, $"idNumber={ZhangSan}");
        Assert.True(known.GetProperty("isKnown").GetBoolean());
        Assert.Equal("张三", known.GetProperty("name").GetString());
        Assert.Equal("已在登记册中：张三（男，45岁）", known.GetProperty("summary").GetString());

        var byPhone = await LookupAsync(worker, building, "phone=13900000001");
        Assert.Equal("张三", byPhone.GetProperty("name").GetString());

        var stranger = await LookupAsync(worker, building, $"idNumber={Stranger}");
        Assert.True(stranger.GetProperty("found").GetBoolean());
        Assert.False(stranger.GetProperty("isKnown").GetBoolean());
        Assert.Equal(JsonValueKind.Null, stranger.GetProperty("name").ValueKind);
        Assert.Equal("Female", stranger.GetProperty("sex").GetString());
        Assert.Equal("1990-03-07", stranger.GetProperty("birthDate").GetString());
        Assert.Contains("南山区", stranger.GetProperty("registrationPlace").GetString());

        var wrong = await worker.GetAsync($"{BuildingPage(building)}?handler=Lookup&idNumber=440305199003070023");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var refusal = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("校验位不符，请核对号码", refusal.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Another_grids_building_is_not_found_and_shows_no_registry()
    {
        await App.ClearRegistryAsync();
        var mine = await App.BuildingInGridAsync("毅阳社区", 3);
        var other = await App.BuildingInGridAsync("毅阳社区", 1);
        var head = await App.SignInToPagesAsync("chenliting");
        var room = await head.AddRoomAsync(App, other, "9101");
        await head.RegisterAsync(other, room, ZhangSan, "张三");
        var worker = await App.SignInToPagesAsync("qiumeiling");

        var page = await (await worker.GetAsync(BuildingPage(other))).ShouldBePage(HttpStatusCode.NotFound);
        Assert.DoesNotContain("building-registry", page);
        Assert.DoesNotContain("张三", page);

        var posted = await worker.PostFormAsync(BuildingPage(mine), $"{BuildingPage(other)}?handler=Register", new()
        {
            ["Resident.RoomId"] = room.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Resident.IdNumber"] = Stranger,
            ["Resident.Name"] = "李四",
        });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.Residences.CountAsync()));
    }

    [Fact]
    public async Task A_resident_moves_out_and_the_room_and_its_history_say_so()
    {
        await App.ClearRegistryAsync();
        var building = await App.BuildingInGridAsync("毅阳社区", 3);
        var worker = await App.SignInToPagesAsync("qiumeiling");
        var room = await worker.AddRoomAsync(App, building, "9307");
        await worker.RegisterAsync(building, room, ZhangSan, "张三");
        var residence = await App.QueryAsync(db => db.Residences.Select(r => r.Id).SingleAsync());

        var moved = await worker.PostFormAsync(BuildingPage(building), $"{BuildingPage(building)}?handler=MoveOut", new()
        {
            ["residenceId"] = residence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["roomId"] = room.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["movedOutOn"] = "2026-11-23",
        });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 23), await App.QueryAsync(db => db.Residences.Select(r => r.MovedOutOn).SingleAsync()));
        var page = await worker.GetStringAsync(BuildingPage(building));
        Assert.DoesNotContain("<strong>张三</strong>", page);
        Assert.Contains("张三 搬离 1单元9307（2026-11-23）", page);
    }

    private static async Task<JsonElement> LookupAsync(HttpClient worker, int building, string query)
    {
        var response = await worker.GetAsync($"{BuildingPage(building)}?handler=Lookup&{query}");
        await response.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
