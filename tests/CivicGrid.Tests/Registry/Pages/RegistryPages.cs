using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Pages;

/// <summary>What a worker does on the building page's registry forms, as a browser would post them.</summary>
public static class RegistryPages
{
    /// <summary>张三, born 2 May 1981 in 北京市朝阳区, a man (odd sequence number).</summary>
    public const string ZhangSan = "110105198105020016";

    /// <summary>A woman born 7 March 1990 in 深圳市南山区, whom the registry does not know.</summary>
    public const string Stranger = "440305199003070022";

    public static string BuildingPage(int building) => $"/Geography/Building/{building}";

    public static Task<int> BuildingInGridAsync(this CivicGridFactory app, string community, int n) => app.QueryAsync(async db =>
    {
        var grid = await db.OrgUnits.Where(u => u.Parent!.Name == community && u.Name == $"第{n}网格").Select(u => u.Id).SingleAsync();
        return await db.Buildings.Where(b => b.GridId == grid).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
    });

    public static async Task<long> AddRoomAsync(this HttpClient worker, CivicGridFactory app, int building, string number, string use = "Rented")
    {
        var unit = await app.QueryAsync(db => db.BuildingUnits.Where(u => u.BuildingId == building).OrderBy(u => u.Order).Select(u => u.Id).FirstAsync());
        var added = await worker.PostFormAsync(BuildingPage(building), $"{BuildingPage(building)}?handler=AddRoom", new()
        {
            ["NewRoom.UnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewRoom.Number"] = number,
            ["NewRoom.Use"] = use,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return await app.QueryAsync(db => db.Rooms.Where(r => r.BuildingId == building && r.Number == number).Select(r => r.Id).SingleAsync());
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient worker, int building, long room, string idNumber, string name,
        string phone = "", string type = "Tenant") =>
        worker.PostFormAsync(BuildingPage(building), $"{BuildingPage(building)}?handler=Register", new()
        {
            ["Resident.RoomId"] = room.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Resident.IdNumber"] = idNumber,
            ["Resident.Name"] = name,
            ["Resident.Phone"] = phone,
            ["Resident.Relation"] = "Head",
            ["Resident.Type"] = type,
            ["Resident.HouseholdId"] = "",
        });
}
