using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.History;

/// <summary>A change as the one line a worker reads on a page: "张三 入住 2单元302", "张三 电话 139****0001 → 138****0002".</summary>
public sealed class ChangeLines(CivicGridDb db, IStringLocalizer<Text> text)
{
    public async Task<IReadOnlyList<string>> DescribeAsync(IReadOnlyList<ChangeView> changes, CancellationToken ct)
    {
        var rooms = await RoomsAsync(changes, ct);
        return changes.Select(c => Describe(c, rooms.GetValueOrDefault((c.Record, c.RecordId), ""))).ToList();
    }

    private string Describe(ChangeView c, string room)
    {
        var who = c.PersonName ?? "";
        return (c.Record, c.Kind, c.Field) switch
        {
            (RegistryRecord.Person, RegistryChangeKind.Added, _) => text["Registry.Change.PersonAdded", who],
            (RegistryRecord.Residence, RegistryChangeKind.Added, _) => text["Registry.Change.MovedIn", who, room],
            (RegistryRecord.Residence, RegistryChangeKind.Changed, nameof(Residence.MovedOutOn)) => text["Registry.Change.MovedOut", who, room, c.NewValue ?? ""],
            (RegistryRecord.Household, RegistryChangeKind.Added, _) => text["Registry.Change.HouseholdAdded", room],
            (RegistryRecord.Room, RegistryChangeKind.Added, _) => text["Registry.Change.RoomAdded", room],
            (RegistryRecord.Room, RegistryChangeKind.Changed, nameof(Room.Use)) =>
                text["Registry.Change.RoomUse", room, UseText(c.OldValue), UseText(c.NewValue)],
            _ => text["Registry.Change.Field", who, FieldText(c.Field), c.OldValue ?? "—", c.NewValue ?? "—"],
        };
    }

    private string UseText(string? value) => Enum.TryParse<RoomUse>(value, out var use) ? text.Of(use) : value ?? "—";

    private string FieldText(string? field) => field is null ? "" : text[$"Registry.Field.{field}"];

    /// <summary>Where each room, household and residence of the changes is, as "2单元302".</summary>
    private async Task<Dictionary<(RegistryRecord, long), string>> RoomsAsync(IReadOnlyList<ChangeView> changes, CancellationToken ct)
    {
        List<long> Ids(RegistryRecord record) => changes.Where(c => c.Record == record).Select(c => c.RecordId).Distinct().ToList();
        var roomIds = Ids(RegistryRecord.Room);
        var householdIds = Ids(RegistryRecord.Household);
        var residenceIds = Ids(RegistryRecord.Residence);
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id))
            .Select(r => new { Key = r.Id, Unit = r.Unit != null ? r.Unit.Name : null, r.Number }).ToListAsync(ct);
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { Key = h.Id, Unit = h.Room!.Unit != null ? h.Room.Unit.Name : null, h.Room.Number }).ToListAsync(ct);
        var residences = await db.Residences.AsNoTracking().Where(r => residenceIds.Contains(r.Id))
            .Select(r => new { Key = r.Id, Unit = r.Household!.Room!.Unit != null ? r.Household.Room.Unit.Name : null, r.Household.Room.Number }).ToListAsync(ct);
        var labels = new Dictionary<(RegistryRecord, long), string>();
        rooms.ForEach(r => labels[(RegistryRecord.Room, r.Key)] = $"{r.Unit}{r.Number}");
        households.ForEach(h => labels[(RegistryRecord.Household, h.Key)] = $"{h.Unit}{h.Number}");
        residences.ForEach(r => labels[(RegistryRecord.Residence, r.Key)] = $"{r.Unit}{r.Number}");
        return labels;
    }
}
