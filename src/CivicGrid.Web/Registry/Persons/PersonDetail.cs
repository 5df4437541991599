using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Housing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>Where a person lives or lived, as far as the caller's reach goes.</summary>
public sealed record ResidenceView(
    long Id, int BuildingId, string BuildingName, string? UnitName, long RoomId, string RoomNumber, long HouseholdId,
    HouseholdRelation Relation, ResidenceType Type, DateOnly? MovedInOn, DateOnly? MovedOutOn);

public sealed record PersonView(
    long Id, string Name, string? IdNumberMasked, string? PhoneMasked, Sex? Sex, DateOnly? BirthDate, int? Age, string? RegistrationPlace,
    IReadOnlyList<int> CareTagIds, IReadOnlyList<string> CareTags, IReadOnlyList<ResidenceView> Residences,
    int ResidencesElsewhere, bool MayUnmask, IReadOnlyList<ChangeView> History);

/// <summary>A person's page: who they are (masked), where they live, what changed.</summary>
public sealed class PersonDetail(CivicGridDb db, RegistryScope scope, RegistryChanges changes, TimeProvider clock)
{
    public const int HistoryCount = 50;

    public async Task<PersonView> ForAsync(long personId, Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        var person = await reach.Persons(db).AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.IdNumberMasked,
                p.PhoneMasked,
                p.Sex,
                p.BirthDate,
                p.RegistrationPlace,
                Tags = p.CareTags.OrderBy(t => t.CareTag!.Order).Select(t => new { t.CareTagId, t.CareTag!.Name }).ToList(),
            })
            .SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();
        var residences = await db.Residences.AsNoTracking().Where(r => r.PersonId == personId)
            .Select(r => new
            {
                r.Household!.Room!.Building!.GridId,
                View = new ResidenceView(r.Id, r.Household.Room.BuildingId, r.Household.Room.Building.Name,
                    r.Household.Room.Unit != null ? r.Household.Room.Unit.Name : null, r.Household.RoomId, r.Household.Room.Number,
                    r.HouseholdId, r.Relation, r.Type, r.MovedInOn, r.MovedOutOn),
            })
            .ToListAsync(ct);
        var mayUnmask = await db.Users.AnyAsync(u => u.Id == caller.UserId && u.MayUnmaskPersonalData, ct);
        var inReach = residences.Where(r => reach.Covers(r.GridId)).Select(r => r.View)
            .OrderBy(r => r.MovedOutOn is null ? 0 : 1).ThenByDescending(r => r.MovedInOn).ToList();
        var elsewhere = residences.Count(r => !reach.Covers(r.GridId) && r.View.MovedOutOn is null);
        return new PersonView(person.Id, person.Name, person.IdNumberMasked, person.PhoneMasked, person.Sex, person.BirthDate,
            person.BirthDate is { } born ? Ages.On(born, LocalTime.Today(clock)) : null, person.RegistrationPlace,
            person.Tags.Select(t => t.CareTagId).ToList(), person.Tags.Select(t => t.Name).ToList(), inReach, elsewhere, mayUnmask,
            await changes.ForPersonAsync(personId, HistoryCount, ct));
    }
}
