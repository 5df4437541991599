using System.Globalization;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Registry.Reports;

/// <summary>
/// A small registry worked out by hand (today is 2026-11-23):
/// 毅阳第3网格: room 101 (own) P1 ♂1940-05-01 户籍 独居老人; room 102 (own) P2 ♀1980 户籍, P3 ♂2015 户籍 留守儿童;
/// room 201 (rented) P4 ♂1995 租户 + P5 ♀1996 租户 in one household, P6 ♀2000 租户 in another; room 202 rented, empty.
/// 毅阳第1网格: room 101 (own) P7 ♀1960 流动 独居老人+低保, P8 ♂1970 户籍 moved out 2026-06-01,
/// P9 ♀1990 户籍 moved in 2026-10-01; a household of its own for P4 as 流动 (P4 lives in two grids).
/// 檀林第1网格: room 101 (rented) P10 ♂1944 租户, tagged 独居老人 on 2026-11-01. 湘桥社区: nobody.
/// </summary>
public static class ReportData
{
    public static readonly DateOnly LongAgo = new(2020, 1, 1);

    /// <summary>Plants the registry above in place of the demo residents.</summary>
    public static async Task PlantAsync(CivicGridFactory app)
    {
        await app.ClearRegistryAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDb>();
        var data = scope.ServiceProvider.GetRequiredService<PersonalData>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var tags = await db.CareTags.ToDictionaryAsync(t => t.Name, t => t.Id);
        async Task<int> BuildingAsync(string community, int grid) =>
            await db.Buildings.Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.Name == $"第{grid}网格" && u.Parent!.Name == community))
                .OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();

        var grid3 = await BuildingAsync("毅阳社区", 3);
        var grid1 = await BuildingAsync("毅阳社区", 1);
        var tanlin = await BuildingAsync("檀林社区", 1);
        var history = new RegistryHistory(new ChangeAuthor(null, "test"), now);
        var sequence = 0;

        Room Room(int building, string number, RoomUse use)
        {
            var room = new Room { BuildingId = building, Number = number, Use = use, CreatedAt = now.AddYears(-7) };
            db.Rooms.Add(room);
            return room;
        }

        Household Household(Room room)
        {
            var household = new Household { Room = room, CreatedAt = now };
            db.Households.Add(household);
            return household;
        }

        Person Person(string name, bool male, DateOnly birth, params (string Tag, DateTime At)[] careTags)
        {
            var id = CitizenNumber(birth, male, ++sequence);
            var person = PersonRecord.New(ValidPerson.From(new PersonInput(name, id), new DateOnly(2026, 11, 23)), data, now, history, null);
            person.CareTags.AddRange(careTags.Select(t => new PersonCareTag { CareTagId = tags[t.Tag], TaggedAt = t.At }));
            db.Persons.Add(person);
            return person;
        }

        void Live(Person person, Household household, ResidenceType type, DateOnly? movedIn = null, DateOnly? movedOut = null) =>
            db.Residences.Add(new Residence { Person = person, Household = household, Relation = HouseholdRelation.Head, Type = type, MovedInOn = movedIn ?? LongAgo, MovedOutOn = movedOut });

        var early = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var r101 = Household(Room(grid3, "101", RoomUse.OwnerOccupied));
        var p4 = Person("赵四", true, new(1995, 1, 1));
        Live(Person("钱一", true, new(1940, 5, 1), ("独居老人", early)), r101, ResidenceType.Registered);
        var r102 = Household(Room(grid3, "102", RoomUse.OwnerOccupied));
        Live(Person("孙二", false, new(1980, 1, 1)), r102, ResidenceType.Registered);
        Live(Person("李三", true, new(2015, 6, 1), ("留守儿童", early)), r102, ResidenceType.Registered);
        var r201 = Room(grid3, "201", RoomUse.Rented);
        var tenants = Household(r201);
        Live(p4, tenants, ResidenceType.Tenant);
        Live(Person("周五", false, new(1996, 1, 1)), tenants, ResidenceType.Tenant);
        Live(Person("吴六", false, new(2000, 1, 1)), Household(r201), ResidenceType.Tenant);
        Room(grid3, "202", RoomUse.Rented);

        var g1 = Room(grid1, "101", RoomUse.OwnerOccupied);
        var family = Household(g1);
        Live(Person("郑七", false, new(1960, 1, 1), ("独居老人", early), ("低保", early)), family, ResidenceType.Floating);
        Live(Person("王八", true, new(1970, 1, 1)), family, ResidenceType.Registered, movedOut: new(2026, 6, 1));
        Live(Person("冯九", false, new(1990, 1, 1)), family, ResidenceType.Registered, movedIn: new(2026, 10, 1));
        Live(p4, Household(g1), ResidenceType.Floating);

        Live(Person("陈十", true, new(1944, 1, 1), ("独居老人", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))), Household(Room(tanlin, "101", RoomUse.Rented)), ResidenceType.Tenant);
        await history.SaveAsync(db, CancellationToken.None);
    }

    /// <summary>A valid eighteen-character number (GB 11643-1999) of a person born in 杭州市西湖区.</summary>
    public static string CitizenNumber(DateOnly birth, bool male, int sequence)
    {
        var body = $"330106{birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{sequence % 50 * 2 + (male ? 1 : 0) + 100:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
