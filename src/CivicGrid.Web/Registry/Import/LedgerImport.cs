using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Import;

/// <summary>A row the import skips: its number in the file (the header is row 1), the column and why.</summary>
public sealed record LedgerRejection(int Row, string Column, string Reason);

public sealed record LedgerCounts(int Rows, int PersonsAdded, int PersonsUpdated, int Unchanged, int RoomsAdded, int Rejected);

public sealed record LedgerOutcome(LedgerCounts Counts, IReadOnlyList<LedgerRejection> Rejections);

/// <summary>
/// 台账导入: checks every row of a ledger against the caller's reach and the registry's rules, and
/// writes the valid ones in batches. The dry run goes through exactly the same steps and throws
/// the batch away instead of saving it, so what it counts is what the import will do. A person
/// is matched by ID number and a residence by person and room, so importing a file again changes
/// nothing that has not changed in the file.
/// </summary>
public sealed class LedgerImport(CivicGridDb db, RegistryScope scope, PersonalData data, IStringLocalizer<Text> text, TimeProvider clock)
{
    public const int BatchSize = 1000;

    /// <summary>Reads the ledger and checks (<paramref name="apply"/> false) or writes it; <paramref name="progress"/> hears the rows read after every batch written.</summary>
    public async Task<LedgerOutcome> RunAsync(LedgerImportJob job, string path, bool apply, Caller caller, Func<int, Task>? progress, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        if (reach.GridIds.Count == 0)
        {
            throw DomainException.Forbidden("Registry.Import.NoReach");
        }

        var run = new Run(job, await PlacesAsync(reach, ct),
            await db.CareTags.AsNoTracking().Where(t => t.IsActive).ToDictionaryAsync(t => t.Name, t => t.Id, ct),
            ChangeAuthor.Of(caller, $"导入 {job.FileName}"), clock.GetUtcNow().UtcDateTime, LocalTime.Today(clock));
        var batch = new List<LedgerRow>(BatchSize);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var number = 1;
            foreach (var cells in LedgerFile.Rows(path, job.Format).Skip(1))
            {
                number++;
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                run.Rows++;
                if (Read(run, number, cells) is { } row)
                {
                    batch.Add(row);
                }

                if (batch.Count == BatchSize)
                {
                    await ApplyAsync(run, batch, apply, ct);
                    batch.Clear();
                    if (progress is not null)
                    {
                        await progress(run.Rows);
                    }
                }
            }

            await ApplyAsync(run, batch, apply, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        var rejected = run.Rejections.Select(r => r.Row).Distinct().Count();
        return new LedgerOutcome(new LedgerCounts(run.Rows, run.Added, run.Updated, run.Unchanged, run.RoomsAdded, rejected), run.Rejections);
    }

    private async Task<Places> PlacesAsync(RegistryReach reach, CancellationToken ct)
    {
        var buildings = await db.Buildings.AsNoTracking().Include(b => b.Units)
            .Where(b => b.IsActive && reach.GridIds.Contains(b.GridId))
            .ToListAsync(ct);
        var grids = await db.OrgUnits.AsNoTracking().Where(u => reach.GridIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new Places(buildings.ToLookup(b => b.Name.Trim()), grids);
    }

    /// <summary>One row checked on its own and against the rows before it; null when rejected, with its reasons added.</summary>
    private LedgerRow? Read(Run run, int number, string[] cells)
    {
        var rejections = run.Rejections.Count;
        string Cell(LedgerField field) =>
            run.Job.Mapping.TryGetValue(field, out var column) && column < cells.Length ? cells[column].Trim() : "";
        void Reject(LedgerField field, string reason) => run.Rejections.Add(new LedgerRejection(number, run.ColumnName(field), reason));

        foreach (var field in LedgerColumns.Required.Where(f => Cell(f).Length == 0))
        {
            Reject(field, text["Validation.Required"]);
        }

        var parsed = CitizenId.Parse(Cell(LedgerField.IdNumber), run.Today);
        if (Cell(LedgerField.IdNumber).Length > 0 && parsed.Refusal is { } refusal)
        {
            Reject(LedgerField.IdNumber, text.Describe(refusal));
        }

        if (parsed.Id is { } id && !run.Seen.TryAdd(id.Number, number))
        {
            Reject(LedgerField.IdNumber, text["Registry.Import.Duplicate", run.Seen[id.Number]]);
        }

        var phone = Cell(LedgerField.Phone);
        if (phone.Length > 0 && PhoneNumbers.Normalise(phone) is null)
        {
            Reject(LedgerField.Phone, text["Registry.Import.BadPhone"]);
        }

        var building = FindBuilding(run, Cell(LedgerField.Building), Cell(LedgerField.Grid), Reject);
        int? unitId = null;
        if (building is not null && Cell(LedgerField.Unit) is { Length: > 0 } unitName)
        {
            unitId = building.Units.FirstOrDefault(u => u.Name == unitName || u.Name == unitName + "单元")?.Id;
            if (unitId is null)
            {
                Reject(LedgerField.Unit, text["Registry.Import.UnknownUnit", unitName, building.Name]);
            }
        }

        var relation = Word(LedgerField.Relation, LedgerWords.Relation, "Registry.Import.BadRelation");
        var type = Word(LedgerField.Type, LedgerWords.Type, "Registry.Import.BadType");
        var use = Word(LedgerField.RoomUse, LedgerWords.Use, "Registry.Import.BadUse");
        DateOnly? movedIn = null;
        if (Cell(LedgerField.MovedInOn) is { Length: > 0 } day)
        {
            movedIn = LedgerWords.Date(day);
            if (movedIn is null || movedIn > run.Today)
            {
                Reject(LedgerField.MovedInOn, text[movedIn is null ? "Registry.Import.BadDate" : "Registry.Import.FutureDate", day]);
            }
        }

        List<int>? tagIds = null;
        if (Cell(LedgerField.CareTags) is { Length: > 0 } tags)
        {
            tagIds = [];
            foreach (var tag in LedgerWords.Tags(tags))
            {
                if (run.Tags.TryGetValue(tag, out var tagId))
                {
                    tagIds.Add(tagId);
                }
                else
                {
                    Reject(LedgerField.CareTags, text["Registry.Import.UnknownTag", tag]);
                }
            }
        }

        if (run.Rejections.Count > rejections)
        {
            return null;
        }

        var place = Cell(LedgerField.RegistrationPlace);
        ValidPerson person;
        try
        {
            person = ValidPerson.From(new PersonInput(Cell(LedgerField.Name), Cell(LedgerField.IdNumber), phone, place.Length == 0 ? null : place, tagIds), run.Today);
        }
        catch (DomainException refused)
        {
            foreach (var (field, keys) in refused.FieldErrors)
            {
                Reject(field == "name" ? LedgerField.Name : LedgerField.RegistrationPlace, string.Join("；", keys.Select(k => text[k].Value)));
            }

            if (refused.FieldErrors.Count == 0)
            {
                Reject(LedgerField.IdNumber, text[refused.MessageKey, refused.Args]);
            }

            return null;
        }

        var household = Cell(LedgerField.HouseholdNumber);
        return new LedgerRow(number, person, data.Hash(person.IdNumber.Number), building!.Id, unitId, Cell(LedgerField.Room),
            relation, type, movedIn, household.Length == 0 ? null : household, use);

        T? Word<T>(LedgerField field, Func<string, T?> read, string refusalKey) where T : struct
        {
            var word = Cell(field);
            if (word.Length == 0)
            {
                return null;
            }

            var value = read(word);
            if (value is null)
            {
                Reject(field, text[refusalKey, word]);
            }

            return value;
        }
    }

    private Building? FindBuilding(Run run, string name, string grid, Action<LedgerField, string> reject)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var candidates = run.Places.Buildings[name]
            .Where(b => grid.Length == 0 || run.Places.GridNames.GetValueOrDefault(b.GridId) == grid)
            .ToList();
        switch (candidates.Count)
        {
            case 1:
                return candidates[0];
            case 0:
                reject(LedgerField.Building, text["Registry.Import.UnknownBuilding", name]);
                return null;
            default:
                reject(LedgerField.Building, text["Registry.Import.AmbiguousBuilding", name]);
                return null;
        }
    }

    /// <summary>
    /// Writes one batch through <see cref="PersonRecord"/> and <see cref="RegistryHistory"/>, as the
    /// housing desk writes one person, with the batch's persons, residences and rooms read in three
    /// queries; a dry run forgets the batch instead of saving it.
    /// </summary>
    private async Task ApplyAsync(Run run, List<LedgerRow> batch, bool apply, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var persons = await ResidentRegistration.KnownPersonsAsync(db, [.. batch.Select(r => r.Hash)], ct);
        var residences = await ResidentRegistration.LivingAsync(db, [.. persons.Values.Select(p => p.Id)], ct);
        var newBuildings = batch.Select(r => r.BuildingId).Distinct().Where(run.LoadedBuildings.Add).ToList();
        foreach (var room in await db.Rooms.AsNoTracking().Where(r => newBuildings.Contains(r.BuildingId)).ToListAsync(ct))
        {
            run.Rooms.TryAdd(new RoomKey(room.BuildingId, room.UnitId, room.Number), new RoomRef(null, room.Id));
        }

        var history = new RegistryHistory(run.Author, run.Now);
        var registration = new ResidentRegistration(db, data, history, run.Now, run.Today);
        var created = new List<RoomRef>();
        var households = new List<HouseholdRef>();
        foreach (var row in batch)
        {
            var before = history.Count;
            var key = new RoomKey(row.BuildingId, row.UnitId, row.Room);
            if (!run.Rooms.TryGetValue(key, out var roomRef))
            {
                var room = new Room
                {
                    BuildingId = row.BuildingId,
                    UnitId = row.UnitId,
                    Number = row.Room,
                    Use = row.Use ?? (row.Type == ResidenceType.Tenant ? RoomUse.Rented : RoomUse.OwnerOccupied),
                    CreatedAt = run.Now,
                };
                db.Rooms.Add(room);
                history.Added(RegistryRecord.Room, () => room.Id, () => null, row.BuildingId);
                run.Rooms[key] = roomRef = new RoomRef(room, 0);
                created.Add(roomRef);
                run.RoomsAdded++;
            }

            var isNew = !persons.TryGetValue(row.Hash, out var known);
            var person = persons[row.Hash] = registration.PersonOf(row.Person, known, row.BuildingId);

            var living = roomRef.Id == 0 ? null : residences[person.Id].FirstOrDefault(r => r.Household!.RoomId == roomRef.Id);
            if (living is not null)
            {
                Update(living, row, history);
                run.Join(key, row, new HouseholdRef(null, living.HouseholdId));
            }
            else
            {
                AddResidence(run, registration, key, roomRef, row, person, households);
            }

            if (isNew)
            {
                run.Added++;
            }
            else if (history.Count > before)
            {
                run.Updated++;
            }
            else
            {
                run.Unchanged++;
            }
        }

        if (apply && !history.IsEmpty)
        {
            db.ChangeTracker.DetectChanges();
            await history.SaveAsync(db, ct);
            created.ForEach(r => r.Settle());
            households.ForEach(h => h.Settle());
        }

        db.ChangeTracker.Clear();
    }

    private static void AddResidence(Run run, ResidentRegistration registration, RoomKey key, RoomRef room, LedgerRow row, Person person, List<HouseholdRef> households)
    {
        var household = run.HouseholdOf(key, row);
        var startsHousehold = household is null;
        if (household is null)
        {
            household = new HouseholdRef(registration.AddHousehold(room.Id, room.Entity, row.BuildingId), 0);
            households.Add(household);
            run.Join(key, row with { Relation = row.Relation ?? HouseholdRelation.Head }, household);
        }

        registration.AddResidence(person, household.Id, household.Entity,
            row.Relation ?? (startsHousehold ? HouseholdRelation.Head : HouseholdRelation.NotRelated),
            row.Type ?? ResidenceType.Registered, row.MovedInOn, row.BuildingId);
    }

    /// <summary>A residence the ledger lists again: what the row says differently is changed, an empty cell keeps what is known.</summary>
    private static void Update(Residence residence, LedgerRow row, RegistryHistory history)
    {
        void Change(string field, string? oldValue, string? newValue) =>
            history.Changed(RegistryRecord.Residence, () => residence.Id, () => residence.PersonId, row.BuildingId, field, oldValue, newValue);

        if (row.Relation is { } relation && relation != residence.Relation)
        {
            Change(nameof(Residence.Relation), residence.Relation.ToString(), relation.ToString());
            residence.Relation = relation;
        }

        if (row.Type is { } type && type != residence.Type)
        {
            Change(nameof(Residence.Type), residence.Type.ToString(), type.ToString());
            residence.Type = type;
        }

        if (row.MovedInOn is { } day && day != residence.MovedInOn)
        {
            Change(nameof(Residence.MovedInOn), residence.MovedInOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            residence.MovedInOn = day;
        }
    }

    private sealed record LedgerRow(
        int Number, ValidPerson Person, string Hash, int BuildingId, int? UnitId, string Room,
        HouseholdRelation? Relation, ResidenceType? Type, DateOnly? MovedInOn, string? Household, RoomUse? Use);

    private sealed record RoomKey(int BuildingId, int? UnitId, string Number);

    private sealed record Places(ILookup<string, Building> Buildings, IReadOnlyDictionary<int, string> GridNames);

    /// <summary>A room known by id, or added in the batch being written and known by id once it is saved.</summary>
    private sealed class RoomRef(Room? entity, long id)
    {
        public Room? Entity { get; private set; } = entity;
        public long Id { get; private set; } = id;

        public void Settle() => (Id, Entity) = (Entity!.Id, null);
    }

    private sealed class HouseholdRef(Household? entity, long id)
    {
        public Household? Entity { get; private set; } = entity;
        public long Id { get; private set; } = id;

        public void Settle() => (Id, Entity) = (Entity!.Id, null);
    }

    /// <summary>What one run has learnt so far: rooms, the households rows join, ID numbers seen, counts.</summary>
    private sealed class Run(LedgerImportJob job, Places places, Dictionary<string, int> tags, ChangeAuthor author, DateTime now, DateOnly today)
    {
        /// <summary>Households by room and 户号; without a 户号 column, the last 户主's household of each room.</summary>
        private readonly Dictionary<(RoomKey, string?), HouseholdRef> _households = [];

        public LedgerImportJob Job { get; } = job;
        public Places Places { get; } = places;
        public Dictionary<string, int> Tags { get; } = tags;
        public ChangeAuthor Author { get; } = author;
        public DateTime Now { get; } = now;
        public DateOnly Today { get; } = today;
        public Dictionary<string, int> Seen { get; } = [];
        public HashSet<int> LoadedBuildings { get; } = [];
        public Dictionary<RoomKey, RoomRef> Rooms { get; } = [];
        public List<LedgerRejection> Rejections { get; } = [];
        public int Rows { get; set; }
        public int Added { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }
        public int RoomsAdded { get; set; }

        public HouseholdRef? HouseholdOf(RoomKey room, LedgerRow row) =>
            row.Household is null && row.Relation == HouseholdRelation.Head ? null : _households.GetValueOrDefault((room, row.Household));

        public void Join(RoomKey room, LedgerRow row, HouseholdRef household)
        {
            if (row.Household is not null ? !_households.ContainsKey((room, row.Household)) : row.Relation == HouseholdRelation.Head || !_households.ContainsKey((room, null)))
            {
                _households[(room, row.Household)] = household;
            }
        }

        public string ColumnName(LedgerField field) =>
            Job.Mapping.TryGetValue(field, out var column) && column < Job.Headers.Count ? Job.Headers[column] : field.ToString();
    }
}
