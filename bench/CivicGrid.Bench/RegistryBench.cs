using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Web.Demo;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Bench;

/// <summary>
/// A street's registry at full size: persons planted straight into the database over generated
/// buildings in every grid of 蓝田街道, then each standard 一表通 template timed for the street as
/// its dispatcher asks for it, and lookups by ID number as a grid worker makes them at a door.
/// </summary>
public static class RegistryBench
{
    private const int UnitsPerBuilding = 3;
    private const int RoomsPerUnit = 24;
    private const int ReportRuns = 7;
    private const int Lookups = 2000;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static async Task RunAsync(string provider, string connectionString, int persons)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-registry-bench-").FullName;
        var connection = connectionString.Length > 0 ? connectionString : $"Data Source={Path.Combine(folder, "bench.db")}";
        var uploads = Path.Combine(folder, "uploads");
        await using var host = new BenchHost(provider, connection, uploads);
        await host.StartAsync();

        var plant = Stopwatch.StartNew();
        var planted = await PlantAsync(host, Path.Combine(uploads, "registry-keys"), persons);
        Console.WriteLine($"planted {planted.Persons:N0} persons ({planted.Residences:N0} residences, {planted.Households:N0} households, {planted.Rooms:N0} rooms, {planted.Buildings:N0} buildings in {planted.Grids} grids) in {plant.Elapsed.TotalSeconds:N0} s");
        await using (var db = host.NewDb())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        using var wang = await StaffSignIn.AsAsync(host.BaseUrl, "wangjun");
        using var qiu = await StaffSignIn.AsAsync(host.BaseUrl, "qiumeiling");
        var templates = await wang.GetFromJsonAsync<List<JsonElement>>("/api/v1/registry/reports/templates") ?? [];

        Console.WriteLine();
        Console.WriteLine($"| {provider} | persons | measurement | n | median ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var template in templates.Where(t => t.GetProperty("isStandard").GetBoolean()))
        {
            var id = template.GetProperty("id").GetInt32();
            var path = $"/api/v1/registry/reports/{id}?unitId={planted.StreetId}";
            var first = await Samples.TimeAsync(1, () => wang.GetAsync(path));
            var runs = await Samples.TimeAsync(ReportRuns, () => wang.GetAsync(path));
            Console.WriteLine($"| {provider} | {planted.Persons:N0} | {template.GetProperty("name").GetString()} (street, first {first[0]:N0} ms) | {runs.Count} | {Samples.Percentile(runs, 50):N0} | {runs.Max():N0} |");
        }

        var random = new Random(11);
        var numbers = planted.IdNumbers;
        await Samples.TimeAsync(100, () => qiu.GetAsync(LookupPath(numbers[random.Next(numbers.Count)])));
        var lookups = await Samples.TimeAsync(Lookups, () => qiu.GetAsync(LookupPath(numbers[random.Next(numbers.Count)])));
        Console.WriteLine();
        Console.WriteLine($"| {provider} | persons | measurement | n | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {provider} | {planted.Persons:N0} | GET /api/v1/registry/persons/lookup?idNumber= (grid worker) | {lookups.Count} | {Samples.Percentile(lookups, 50):N1} | {Samples.Percentile(lookups, 95):N1} | {Samples.Percentile(lookups, 99):N1} | {lookups.Max():N1} |");
    }

    private static string LookupPath(string idNumber) => $"/api/v1/registry/persons/lookup?idNumber={idNumber}";

    private sealed record Planted(int StreetId, int Grids, int Buildings, int Rooms, int Households, int Persons, int Residences, List<string> IdNumbers);

    /// <summary>
    /// Buildings of three units and 24 rooms a unit, spread over the street's grids; 15 % of rooms
    /// rented (some to two households), 4 % empty, the rest owner-occupied; one to five persons a
    /// household, ages 0–100, 户籍 mostly in owned rooms and 租户 in rented ones, 10 % with a care tag,
    /// 4 % moved out and 2 % also living in a second household. Written by EF Core in batches of a
    /// few thousand rows, straight to the database.
    /// </summary>
    private static async Task<Planted> PlantAsync(BenchHost host, string keyFolder, int persons)
    {
        var data = new PersonalData(DataProtectionProvider.Create(new DirectoryInfo(keyFolder), b => b.SetApplicationName("CivicGrid")), new LookupKey(keyFolder));
        var random = new Random(7);
        int streetId;
        List<(int Id, double Latitude, double Longitude)> grids;
        Dictionary<string, int> tags;
        await using (var db = host.NewDb())
        {
            var street = await db.OrgUnits.SingleAsync(u => u.Kind == OrgUnitKind.Street && u.Name == "蓝田街道");
            streetId = street.Id;
            var gridIds = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Grid && u.IsActive && u.Path.StartsWith(street.Path)).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
            var areas = await db.GridBoundaries.Where(b => gridIds.Contains(b.GridId)).ToDictionaryAsync(b => b.GridId, b => b.Area);
            grids = gridIds.Where(areas.ContainsKey).Select(id => (id, areas[id].InteriorPoint.Y, areas[id].InteriorPoint.X)).ToList();
            tags = await db.CareTags.ToDictionaryAsync(t => t.Name, t => t.Id);
        }

        var tagIds = StandardCareTags.Names.Select(n => tags[n]).ToList();
        var now = DateTime.UtcNow;
        var numbers = new List<string>(persons);
        var sequences = new Dictionary<(DateOnly, bool), int>();
        int buildings = 0, rooms = 0, households = 0, residences = 0;
        var db2 = host.NewDb();
        try
        {
            var pending = new List<Person>();
            while (numbers.Count < persons)
            {
                var grid = grids[buildings % grids.Count];
                var building = new Building
                {
                    GridId = grid.Id,
                    Name = $"普查{buildings / grids.Count + 1}号楼",
                    Address = $"蓝田街道普查{buildings + 1}号楼",
                    Latitude = grid.Latitude,
                    Longitude = grid.Longitude,
                    Units = [.. Enumerable.Range(1, UnitsPerBuilding).Select(u => new BuildingUnit { Name = $"{u}单元", Order = u })],
                };
                db2.Buildings.Add(building);
                buildings++;
                foreach (var unit in building.Units)
                {
                    for (var r = 0; r < RoomsPerUnit && numbers.Count < persons; r++)
                    {
                        var roll = random.Next(100);
                        var use = roll < 15 ? RoomUse.Rented : roll < 19 ? RoomUse.Vacant : RoomUse.OwnerOccupied;
                        var room = new Room { Building = building, Unit = unit, Number = $"{r / 4 + 1}{r % 4 + 1:00}", Use = use, CreatedAt = now.AddYears(-5) };
                        db2.Rooms.Add(room);
                        rooms++;
                        if (use == RoomUse.Vacant)
                        {
                            continue;
                        }

                        var householdCount = use == RoomUse.Rented && random.Next(4) == 0 ? 2 : 1;
                        for (var h = 0; h < householdCount && numbers.Count < persons; h++)
                        {
                            var household = new Household { Room = room, CreatedAt = now.AddYears(-5) };
                            households++;
                            var size = use == RoomUse.Rented ? random.Next(1, 4) : random.Next(1, 6);
                            for (var m = 0; m < size && numbers.Count < persons; m++)
                            {
                                var person = NewPerson(random, data, sequences, numbers, tagIds, size == 1 ? tags["独居老人"] : null, now);
                                pending.Add(person);
                                var type = use == RoomUse.Rented ? ResidenceType.Tenant : random.Next(100) < 85 ? ResidenceType.Registered : ResidenceType.Floating;
                                var movedIn = person.BirthDate!.Value.AddDays(random.Next(0, Math.Max(1, Today.DayNumber - person.BirthDate.Value.DayNumber)));
                                var movedOut = random.Next(100) < 4 ? Today.AddDays(-random.Next(1, 1000)) : (DateOnly?)null;
                                household.Residences.Add(new Residence
                                {
                                    Person = person,
                                    Relation = m == 0 ? HouseholdRelation.Head : HouseholdRelation.OtherRelative,
                                    Type = type,
                                    MovedInOn = movedOut is { } o && o < movedIn ? o.AddDays(-30) : movedIn,
                                    MovedOutOn = movedOut,
                                });
                                residences++;
                                if (random.Next(100) < 2 && pending.Count > 10)
                                {
                                    // Also lives elsewhere: a tenant here, an owner there.
                                    household.Residences.Add(new Residence { Person = pending[random.Next(pending.Count - 10)], Relation = HouseholdRelation.NotRelated, Type = ResidenceType.Floating, MovedInOn = Today.AddDays(-random.Next(1, 2000)) });
                                    residences++;
                                }
                            }

                            room.Households.Add(household);
                        }
                    }
                }

                if (pending.Count >= 3000 || numbers.Count >= persons)
                {
                    await db2.SaveChangesAsync();
                    db2.ChangeTracker.Clear();
                    pending.Clear();
                }
            }
        }
        finally
        {
            await db2.DisposeAsync();
        }

        return new Planted(streetId, grids.Count, buildings, rooms, households, numbers.Count, residences, numbers);
    }

    private static Person NewPerson(Random random, PersonalData data, Dictionary<(DateOnly, bool), int> sequences, List<string> numbers, List<int> tagIds, int? aloneTag, DateTime now)
    {
        var birth = Today.AddDays(-random.Next(0, 101 * 365));
        var male = random.Next(2) == 0;
        var sequence = sequences[(birth, male)] = sequences.GetValueOrDefault((birth, male)) + 1;
        var body = $"330106{birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{sequence * 2 + (male ? 1 : 0):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var number = body + "10X98765432"[body.Select((c, k) => (c - '0') * weights[k]).Sum() % 11];
        var id = CitizenId.Require(number, Today);
        numbers.Add(number);
        var sealedId = data.Seal(id.Number, id.Masked);
        var phone = data.Seal($"139{numbers.Count:00000000}", $"139****{numbers.Count % 10000:0000}");
        var person = new Person
        {
            Name = $"居民{numbers.Count}",
            IdNumberCipher = sealedId.Cipher,
            IdNumberHash = sealedId.Hash,
            IdNumberMasked = sealedId.Masked,
            PhoneCipher = phone.Cipher,
            PhoneHash = phone.Hash,
            PhoneMasked = phone.Masked,
            Sex = id.Sex,
            BirthDate = id.BirthDate,
            RegistrationPlace = "浙江省杭州市西湖区",
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (aloneTag is { } alone && Ages.On(birth, Today) >= 60 && random.Next(3) == 0)
        {
            person.CareTags.Add(new PersonCareTag { CareTagId = alone, TaggedAt = now.AddDays(-30) });
        }
        else if (random.Next(100) < 9)
        {
            person.CareTags.Add(new PersonCareTag { CareTagId = tagIds[random.Next(tagIds.Count)], TaggedAt = now.AddDays(-30) });
        }

        return person;
    }
}
