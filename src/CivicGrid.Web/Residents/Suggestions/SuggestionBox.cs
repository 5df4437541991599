using System.Linq.Expressions;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.Suggestions;

public sealed record SuggestionRequest(int? StreetId, string? Text);

public sealed record ReplyRequest(string? Reply);

/// <summary>A suggestion as its resident sees it: the answering unit, not the person.</summary>
public sealed record MySuggestion(long Id, int StreetId, string Street, string Text, DateTime CreatedAt, string? Reply, string? RepliedBy, DateTime? RepliedAt);

/// <summary>A suggestion as staff see it: the resident's number masked, never whole.</summary>
public sealed record StaffSuggestion(
    long Id, int StreetId, string Street, string ResidentPhone, string Text, DateTime CreatedAt,
    string? Reply, string? RepliedByName, string? RepliedByUnitName, DateTime? RepliedAt);

/// <summary>
/// 我有话说: residents write to a street, those who look after the street (<see cref="SuggestionDesk"/>)
/// reply once, and the resident reads the reply. A resident sees only their own; staff only their streets'.
/// </summary>
public sealed class SuggestionBox(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    IOptions<SuggestionOptions> options,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<MySuggestion>> MineAsync(Resident resident, CancellationToken ct) =>
        await Mine(resident).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Select(AsMine).ToListAsync(ct);

    /// <summary>One of the resident's own; anybody else's is 404, as if it did not exist.</summary>
    public async Task<MySuggestion> GetAsync(Resident resident, long id, CancellationToken ct) =>
        await Mine(resident).Where(s => s.Id == id).Select(AsMine).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();

    public async Task<MySuggestion> SendAsync(Resident resident, SuggestionRequest request, CancellationToken ct)
    {
        var street = (await organisation.GetAsync(ct)).Find(request.StreetId);
        var check = new Validation()
            .Text(request.Text, "text", SuggestionConfiguration.TextMaxLength);
        if (request.StreetId is null)
        {
            check.Add("streetId", "Validation.Required");
        }
        else if (street is not { Kind: OrgUnitKind.Street, IsActive: true })
        {
            check.Add("streetId", "Suggestion.NoSuchStreet");
        }

        check.ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var today = LocalTime.DayOf(now);
        var since = LocalTime.StartOfDayUtc(today);
        if (await db.Suggestions.CountAsync(s => s.ResidentId == resident.Id && s.CreatedAt >= since, ct) >= options.Value.PerDay)
        {
            throw DomainException.TooMany(LocalTime.StartOfDayUtc(today.AddDays(1)) - now, "Suggestion.TooMany", options.Value.PerDay);
        }

        var suggestion = new Suggestion { ResidentId = resident.Id, StreetId = street!.Id, Text = request.Text!.Trim(), CreatedAt = now };
        db.Suggestions.Add(suggestion);
        await db.SaveChangesAsync(ct);
        return new MySuggestion(suggestion.Id, street.Id, street.Name, suggestion.Text, now, null, null, null);
    }

    /// <summary>The caller's streets' suggestions: unanswered first, newest first within each.</summary>
    public async Task<Page<StaffSuggestion>> ListAsync(PageRequest page, Caller caller, CancellationToken ct)
    {
        var rows = await InScope(caller)
            .OrderBy(s => s.RepliedAt == null ? 0 : 1).ThenByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.StreetId, Street = s.Street!.Name, s.Resident!.Phone, s.Text, s.CreatedAt, s.Reply, s.RepliedByName, s.RepliedByUnitName, s.RepliedAt })
            .ToPageAsync(page, ct);
        return new Page<StaffSuggestion>(
            rows.Items.Select(s => new StaffSuggestion(s.Id, s.StreetId, s.Street, PhoneNumbers.Mask(s.Phone), s.Text, s.CreatedAt, s.Reply, s.RepliedByName, s.RepliedByUnitName, s.RepliedAt)).ToList(),
            rows.PageNumber, rows.PageSize, rows.Total, rows.TotalIsLowerBound);
    }

    public Task<int> UnansweredAsync(Caller caller, CancellationToken ct) =>
        InScope(caller).CountAsync(s => s.RepliedAt == null, ct);

    /// <summary>One reply per suggestion: a second, even from two at once, is 409.</summary>
    public async Task ReplyAsync(long id, ReplyRequest request, Caller caller, CancellationToken ct)
    {
        if (!await InScope(caller).AnyAsync(s => s.Id == id, ct))
        {
            throw DomainException.NotFound();
        }

        new Validation().Text(request.Reply, "reply", SuggestionConfiguration.TextMaxLength).ThrowIfInvalid();

        var reply = request.Reply!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var written = await db.Suggestions
            .Where(s => s.Id == id && s.RepliedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Reply, reply)
                .SetProperty(s => s.RepliedById, caller.UserId)
                .SetProperty(s => s.RepliedByName, caller.DisplayName)
                .SetProperty(s => s.RepliedByUnitName, caller.UnitName)
                .SetProperty(s => s.RepliedAt, now), ct);
        if (written == 0)
        {
            throw DomainException.Conflict("Suggestion.AlreadyReplied");
        }
    }

    private static readonly Expression<Func<Suggestion, MySuggestion>> AsMine =
        s => new MySuggestion(s.Id, s.StreetId, s.Street!.Name, s.Text, s.CreatedAt, s.Reply, s.RepliedByUnitName, s.RepliedAt);

    private IQueryable<Suggestion> Mine(Resident resident) =>
        db.Suggestions.AsNoTracking().Where(s => s.ResidentId == resident.Id);

    private IQueryable<Suggestion> InScope(Caller caller)
    {
        var scope = SuggestionDesk.ScopeOf(caller) ?? throw DomainException.Forbidden("Suggestion.OnlyDesk");
        return db.Suggestions.AsNoTracking().Where(s => s.Street!.Path.StartsWith(scope));
    }
}
