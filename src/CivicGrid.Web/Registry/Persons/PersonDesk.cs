using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.History;
using CivicGrid.Web.Registry.Privacy;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>
/// What the form can fill in from a typed number. <see cref="IsKnown"/>: the registry has this
/// person, and the fields are theirs; otherwise sex, birth date and registration place come from
/// the ID number itself.
/// </summary>
public sealed record PersonPrefill(bool IsKnown, long? PersonId, string? Name, string? IdNumberMasked, string? PhoneMasked, Sex? Sex, DateOnly? BirthDate, string? RegistrationPlace, IReadOnlyList<int> CareTagIds);

/// <summary>Looking persons up by number, changing them, and showing a number in full to those allowed.</summary>
public sealed class PersonDesk(CivicGridDb db, RegistryScope scope, PersonalData data, TimeProvider clock)
{
    /// <summary>A reason is a few words ("核实低保申请"), not a dot typed to get past the box.</summary>
    public const int MinimumReasonLength = 4;

    /// <summary>
    /// 录入即带出: a full ID number finds the one record wherever the person lives (whoever holds the
    /// number holds the card), but only their name and what the number says; a phone, which is easier
    /// to come by, finds only people in the caller's reach. Nothing found by phone: null.
    /// </summary>
    public async Task<PersonPrefill?> LookupAsync(string? idNumber, string? phone, Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        if (reach.GridIds.Count == 0)
        {
            throw DomainException.Forbidden("Registry.NoReach");
        }

        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var id = CitizenId.Require(idNumber, LocalTime.Today(clock));
            var hash = data.Hash(id.Number);
            var inReach = reach.Persons(db);
            var known = await db.Persons.Where(p => p.IdNumberHash == hash)
                .Select(p => new
                {
                    p.Id,
                    p.Name,
                    p.PhoneMasked,
                    p.RegistrationPlace,
                    Tags = p.CareTags.Select(t => t.CareTagId).ToList(),
                    InReach = inReach.Any(q => q.Id == p.Id),
                })
                .SingleOrDefaultAsync(ct);
            if (known is null)
            {
                return new PersonPrefill(false, null, null, id.Masked, null, id.Sex, id.BirthDate, Divisions.Describe(id.DivisionCode), []);
            }

            return new PersonPrefill(true, known.Id, known.Name, id.Masked, known.InReach ? known.PhoneMasked : null, id.Sex, id.BirthDate,
                known.RegistrationPlace, known.InReach ? known.Tags : []);
        }

        if (PhoneNumbers.Normalise(phone) is { } number)
        {
            var hash = data.Hash(number);
            return await reach.Persons(db).Where(p => p.PhoneHash == hash)
                .OrderByDescending(p => p.UpdatedAt)
                .Select(p => new PersonPrefill(true, p.Id, p.Name, p.IdNumberMasked, p.PhoneMasked, p.Sex, p.BirthDate, p.RegistrationPlace,
                    p.CareTags.Select(t => t.CareTagId).ToList()))
                .FirstOrDefaultAsync(ct);
        }

        new Validation().Require(false, "idNumber", "Registry.Lookup.NumberRequired").ThrowIfInvalid();
        return null;
    }

    /// <summary>
    /// Changes a person in the caller's reach. The ID number identifies them and cannot change here
    /// (leave it out, or send the same);
    /// a wrong number is corrected by registering the person anew and moving the old record out.
    /// </summary>
    public async Task UpdateAsync(long personId, PersonInput input, Caller caller, CancellationToken ct)
    {
        var person = await PersonAsync(personId, caller, ct);
        // A form that shows the number masked sends none: the person's own number stands.
        if (string.IsNullOrWhiteSpace(input.IdNumber) && person.IdNumberCipher is { } cipher)
        {
            input = input with { IdNumber = data.Open(cipher) };
        }

        var valid = ValidPerson.From(input, LocalTime.Today(clock));
        if (data.Hash(valid.IdNumber.Number) != person.IdNumberHash)
        {
            throw DomainException.BadRequest("Registry.Person.IdNumberIsIdentity");
        }

        await CareTagChoice.RequireAsync(db, valid.CareTagIds, [.. person.CareTags.Select(c => c.CareTagId)], ct);

        var history = new RegistryHistory(ChangeAuthor.Of(caller), clock.GetUtcNow().UtcDateTime);
        PersonRecord.Update(person, valid, data, clock.GetUtcNow().UtcDateTime, history, null);
        await history.SaveAsync(db, ct);
    }

    /// <summary>
    /// 查看完整号码: only staff an administrator allowed, only for a person in their reach, only with
    /// a reason; every view is written to the access audit before the number is shown.
    /// </summary>
    public async Task<string> UnmaskAsync(long personId, PersonalField field, string? reason, Caller caller, CancellationToken ct)
    {
        var person = await PersonAsync(personId, caller, ct);
        if (!await db.Users.AnyAsync(u => u.Id == caller.UserId && u.MayUnmaskPersonalData, ct))
        {
            throw DomainException.Forbidden("Registry.Unmask.NotPermitted");
        }

        reason = reason?.Trim();
        new Validation()
            .Require(Enum.IsDefined(field), "field", "Validation.UnknownValue")
            .Require(reason is { Length: >= MinimumReasonLength }, "reason", "Registry.Unmask.ReasonRequired")
            .Text(reason, "reason", PersonalDataAccessConfiguration.ReasonMaxLength, required: false)
            .ThrowIfInvalid();
        var cipher = field == PersonalField.IdNumber ? person.IdNumberCipher : person.PhoneCipher;
        if (cipher is null)
        {
            throw DomainException.NotFound("Registry.Unmask.NothingToShow");
        }

        db.PersonalDataAccesses.Add(new PersonalDataAccess
        {
            PersonId = person.Id,
            Field = field,
            Reason = reason!,
            ById = caller.UserId,
            ByName = caller.DisplayName,
            ByUnitId = caller.UnitId,
            At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return data.Open(cipher);
    }

    private async Task<Person> PersonAsync(long personId, Caller caller, CancellationToken ct)
    {
        var reach = await scope.ReachAsync(caller, ct);
        return await reach.Persons(db).Include(p => p.CareTags).SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw DomainException.NotFound();
    }
}
