using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Privacy;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry;

public sealed record RegistryBuildingRow(int Id, string Name, string GridName, int RoomCount, int ResidentCount);

public sealed record RegistryBuildings(IReadOnlyList<RegistryBuildingRow> Buildings, int Total);

public sealed record PersonRow(long Id, string Name, string? IdNumberMasked, string? PhoneMasked, Sex? Sex, int? Age);

/// <summary>人口信息: the buildings of the caller's registry reach with how many live there, and finding a person in it.</summary>
public sealed class RegistryDirectory(CivicGridDb db, RegistryScope scope, PersonalData data, ReferenceSnapshot<OrganisationTree> organisation, TimeProvider clock)
{
    public const int MaxListed = 200;
    public const int MaxFound = 50;

    public async Task<bool> HasReachAsync(Caller caller, CancellationToken ct) => (await scope.ReachAsync(caller, ct)).GridIds.Count > 0;

    public async Task<RegistryBuildings> BuildingsAsync(Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        var grids = reach.GridIds;
        var buildings = db.Buildings.AsNoTracking().Where(b => b.IsActive && grids.Contains(b.GridId));
        var rows = await buildings
            .OrderBy(b => b.GridId).ThenBy(b => b.Name.Length).ThenBy(b => b.Name)
            .Take(MaxListed)
            .Select(b => new
            {
                b.Id,
                b.Name,
                b.GridId,
                Rooms = db.Rooms.Count(r => r.BuildingId == b.Id),
                Residents = db.Residences.Count(r => r.Household!.Room!.BuildingId == b.Id && r.MovedOutOn == null),
            })
            .ToListAsync(ct);
        var tree = await organisation.GetAsync(ct);
        return new RegistryBuildings(
            rows.Select(r => new RegistryBuildingRow(r.Id, r.Name, $"{tree.NameOf(tree.Find(r.GridId)?.ParentId)} · {tree.NameOf(r.GridId)}", r.Rooms, r.Residents)).ToList(),
            await buildings.CountAsync(ct));
    }

    /// <summary>A whole ID number or phone finds that person; anything else is part of a name. Only persons of the reach are found.</summary>
    public async Task<IReadOnlyList<PersonRow>> SearchAsync(string? query, Caller caller, CancellationToken ct)
    {
        var q = query?.Trim();
        if (string.IsNullOrEmpty(q))
        {
            return [];
        }

        var today = LocalTime.Today(clock);
        var reach = await scope.ReachAsync(caller, ct);
        var persons = reach.Persons(db).AsNoTracking();
        if (CitizenId.Parse(q, today).Id is { } id)
        {
            var hash = data.Hash(id.Number);
            persons = persons.Where(p => p.IdNumberHash == hash);
        }
        else if (PhoneNumbers.Normalise(q) is { } phone)
        {
            var hash = data.Hash(phone);
            persons = persons.Where(p => p.PhoneHash == hash);
        }
        else
        {
            persons = persons.Where(p => p.Name.Contains(q));
        }

        var found = await persons.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(MaxFound)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.PhoneMasked, p.Sex, p.BirthDate })
            .ToListAsync(ct);
        return found.Select(p => new PersonRow(p.Id, p.Name, p.IdNumberMasked, p.PhoneMasked, p.Sex, p.BirthDate is { } born ? Ages.On(born, today) : null)).ToList();
    }
}
