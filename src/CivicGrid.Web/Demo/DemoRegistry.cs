using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Demo;

/// <summary>
/// The residents of one demo building (the first of 毅阳社区 第3网格), so the building page, the person
/// page and the one-table reports show something: a couple of pensioners, a woman living alone,
/// a family, a rented flat with a tenant from out of province, a vacant flat.
/// </summary>
public sealed class DemoRegistry(CivicGridDb db, PersonalData data, TimeProvider clock)
{
    private sealed record DemoPerson(string Room, int Household, string Name, string Division, string Born, int Sequence,
        HouseholdRelation Relation, ResidenceType Type, string? Phone = null, params string[] Tags);

    private static readonly DemoPerson[] People =
    [
        new("1单元101", 1, "王建国", "350603", "19480315", 1, HouseholdRelation.Head, ResidenceType.Registered, "13905962001", "空巢老人"),
        new("1单元101", 1, "李秀英", "350603", "19500708", 2, HouseholdRelation.Spouse, ResidenceType.Registered, null, "空巢老人"),
        new("1单元102", 2, "赵磊", "360102", "19920411", 3, HouseholdRelation.Head, ResidenceType.Tenant, "13905962002"),
        new("1单元201", 3, "孙桂兰", "350603", "19380102", 4, HouseholdRelation.Head, ResidenceType.Registered, "13905962003", "独居老人"),
        new("2单元301", 4, "陈志强", "350602", "19800520", 5, HouseholdRelation.Head, ResidenceType.Registered, "13905962004", "退役军人"),
        new("2单元301", 4, "刘芳", "350602", "19820916", 6, HouseholdRelation.Spouse, ResidenceType.Registered),
        new("2单元301", 4, "陈子涵", "350603", "20150603", 8, HouseholdRelation.Child, ResidenceType.Registered),
    ];

    private static readonly (string Room, RoomUse Use)[] Rooms =
    [
        ("1单元101", RoomUse.OwnerOccupied), ("1单元102", RoomUse.Rented), ("1单元201", RoomUse.OwnerOccupied),
        ("2单元301", RoomUse.OwnerOccupied), ("2单元302", RoomUse.Vacant),
    ];

    public async Task SeedAsync(int gridId, CancellationToken ct)
    {
        var building = await db.Buildings.Include(b => b.Units).Where(b => b.GridId == gridId).OrderBy(b => b.Id).FirstAsync(ct);
        var tags = await db.CareTags.ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var history = new RegistryHistory(new ChangeAuthor(null, "演示数据"), now);
        var rooms = Rooms.ToDictionary(r => r.Room, r => new Room
        {
            BuildingId = building.Id,
            UnitId = UnitOf(building, r.Room).Id,
            Number = r.Room[(r.Room.IndexOf('元') + 1)..],
            Use = r.Use,
            CreatedAt = now,
        });
        db.Rooms.AddRange(rooms.Values);
        var households = new Dictionary<int, Household>();
        foreach (var p in People)
        {
            if (!households.TryGetValue(p.Household, out var household))
            {
                households[p.Household] = household = new Household { Room = rooms[p.Room], CreatedAt = now };
            }

            var seventeen = $"{p.Division}{p.Born}{p.Sequence:000}";
            var id = CitizenId.Require(seventeen + CitizenId.CheckCharacterOf(seventeen), LocalTime.Today(clock));
            var person = PersonRecord.New(
                new ValidPerson(p.Name, id, p.Phone, null, [.. p.Tags.Select(t => tags[t])]), data, now, history, building.Id);
            db.Residences.Add(new Residence
            {
                Person = person,
                Household = household,
                Relation = p.Relation,
                Type = p.Type,
                MovedInOn = p.Type == ResidenceType.Tenant ? LocalTime.Today(clock).AddMonths(-3) : new DateOnly(2005, 6, 1),
            });
        }

        await history.SaveAsync(db, ct);
    }

    private static BuildingUnit UnitOf(Building building, string room) => building.Units.Single(u => room.StartsWith(u.Name, StringComparison.Ordinal));
}
