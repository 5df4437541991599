using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.History;

/// <summary>One row of a history as staff read it: sensitive values masked, care tags by name.</summary>
public sealed record ChangeView(
    DateTime At, string ByName, string? Source, RegistryRecord Record, RegistryChangeKind Kind, string? Field,
    string? OldValue, string? NewValue, long? PersonId, string? PersonName, long RecordId);

/// <summary>Reads the registry's history; callers have already checked the building or person is in reach.</summary>
public sealed class RegistryChanges(CivicGridDb db, PersonalData data)
{
    public async Task<IReadOnlyList<ChangeView>> ForBuildingAsync(int buildingId, int count, CancellationToken ct) =>
        await ViewsAsync(db.RegistryChanges.Where(c => c.BuildingId == buildingId), count, ct);

    public async Task<IReadOnlyList<ChangeView>> ForPersonAsync(long personId, int count, CancellationToken ct) =>
        await ViewsAsync(db.RegistryChanges.Where(c => c.PersonId == personId), count, ct);

    private async Task<IReadOnlyList<ChangeView>> ViewsAsync(IQueryable<RegistryChange> query, int count, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Take(count)
            .Select(c => new { Change = c, PersonName = db.Persons.Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var tagNames = await db.CareTags.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return rows.Select(row =>
        {
            var c = row.Change;
            return new ChangeView(c.At, c.ByName, c.Source, c.Record, c.Kind, c.Field,
                Shown(c, c.OldValue, tagNames), Shown(c, c.NewValue, tagNames), c.PersonId, row.PersonName, c.RecordId);
        }).ToList();
    }

    private string? Shown(RegistryChange change, string? value, IReadOnlyDictionary<int, string> tagNames)
    {
        if (value is null)
        {
            return null;
        }

        if (change.IsSensitive)
        {
            var plain = data.Open(value);
            return change.Field == PersonFields.Phone ? PhoneNumbers.Mask(plain) : CitizenIds.CitizenId.Mask(plain);
        }

        return change.Field == nameof(Person.CareTags)
            ? string.Join("、", value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => tagNames.GetValueOrDefault(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), id)))
            : value;
    }
}
