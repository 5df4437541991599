using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Notices;

public sealed record TagGroupRequest(int? CommunityId, string? Name);

public sealed record MemberRequest(string? Phone);

public sealed record TagGroupView(long Id, int CommunityId, string Community, string Name, int Members);

/// <summary>A member as staff see them: the number masked; the id is what removing them takes.</summary>
public sealed record TagGroupMemberView(Guid ResidentId, string Phone, DateTime AddedAt);

public sealed record TagGroupDetail(long Id, int CommunityId, string Community, string Name, IReadOnlyList<TagGroupMemberView> Members);

/// <summary>
/// 标签群组: those who write notices for a whole community (its head, the street's staff) keep named
/// groups of its residents. A resident is added by their full number, and must have an account.
/// A group of a community outside the caller's place does not exist for them (404).
/// </summary>
public sealed class TagGroups(CivicGridDb db, ReferenceSnapshot<OrganisationTree> organisation, TimeProvider clock)
{
    public async Task<IReadOnlyList<TagGroupView>> ListAsync(Caller caller, CancellationToken ct) =>
        await InScope(caller).OrderBy(g => g.Community!.Path).ThenBy(g => g.Name)
            .Select(g => new TagGroupView(g.Id, g.CommunityId, g.Community!.Name, g.Name, g.Members.Count))
            .ToListAsync(ct);

    public async Task<TagGroupDetail> GetAsync(long id, Caller caller, CancellationToken ct)
    {
        var group = await InScope(caller).Where(g => g.Id == id)
            .Select(g => new { g.Id, g.CommunityId, Community = g.Community!.Name, g.Name })
            .SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();
        var members = await db.TagGroupMembers.AsNoTracking().Where(m => m.TagGroupId == id).OrderBy(m => m.AddedAt)
            .Select(m => new { m.ResidentId, m.Resident!.Phone, m.AddedAt })
            .ToListAsync(ct);
        return new TagGroupDetail(group.Id, group.CommunityId, group.Community, group.Name,
            [.. members.Select(m => new TagGroupMemberView(m.ResidentId, PhoneNumbers.Mask(m.Phone), m.AddedAt))]);
    }

    public async Task<TagGroupDetail> CreateAsync(TagGroupRequest request, Caller caller, CancellationToken ct)
    {
        new Validation()
            .Text(request.Name, "name", TagGroupConfiguration.NameMaxLength)
            .Require(request.CommunityId is not null, "communityId", "Validation.Required")
            .ThrowIfInvalid();
        var community = CommunityFor(await organisation.GetAsync(ct), request.CommunityId!.Value, caller);
        var name = request.Name!.Trim();
        if (await db.TagGroups.AnyAsync(g => g.CommunityId == community.Id && g.Name == name, ct))
        {
            throw DomainException.Conflict("TagGroup.NameTaken", name);
        }

        var group = new TagGroup { CommunityId = community.Id, Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.TagGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return new TagGroupDetail(group.Id, community.Id, community.Name, name, []);
    }

    /// <summary>Adds the resident with this number; a number without an account is refused, one already in is left as it is.</summary>
    public async Task<TagGroupDetail> AddAsync(long id, MemberRequest request, Caller caller, CancellationToken ct)
    {
        await GetAsync(id, caller, ct);
        var phone = PhoneNumbers.Normalise(request.Phone);
        var residentId = phone is null ? null
            : await db.Residents.AsNoTracking().Where(r => r.Phone == phone).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (residentId is not { } resident)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["phone"] = [phone is null ? "TagGroup.BadPhone" : "TagGroup.NoAccount"] });
        }

        if (!await db.TagGroupMembers.AnyAsync(m => m.TagGroupId == id && m.ResidentId == resident, ct))
        {
            db.TagGroupMembers.Add(new TagGroupMember { TagGroupId = id, ResidentId = resident, AddedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }

        return await GetAsync(id, caller, ct);
    }

    public async Task<TagGroupDetail> RemoveAsync(long id, Guid residentId, Caller caller, CancellationToken ct)
    {
        await GetAsync(id, caller, ct);
        await db.TagGroupMembers.Where(m => m.TagGroupId == id && m.ResidentId == residentId).ExecuteDeleteAsync(ct);
        return await GetAsync(id, caller, ct);
    }

    /// <summary>A notice to a group goes to the group's community, so it is checked and listed as the community's.</summary>
    public async Task<(UnitInfo Community, TagGroup Group, List<Guid> Members)> AudienceAsync(long id, Caller caller, CancellationToken ct)
    {
        var group = await InScope(caller).SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw DomainException.NotFound("Notice.NoSuchAudience");
        var members = await db.TagGroupMembers.AsNoTracking().Where(m => m.TagGroupId == id).Select(m => m.ResidentId).ToListAsync(ct);
        return (CommunityFor(await organisation.GetAsync(ct), group.CommunityId, caller), group, members);
    }

    /// <summary>The communities whose groups the caller keeps.</summary>
    public static IReadOnlyList<UnitInfo> CommunitiesOf(OrganisationTree units, Caller caller) =>
        [.. NoticeDesk.AudiencesOf(units, caller).Where(u => u.Kind == OrgUnitKind.Community)];

    private static UnitInfo CommunityFor(OrganisationTree units, int communityId, Caller caller) =>
        NoticeDesk.IsFor(caller) && units.Find(communityId) is { Kind: OrgUnitKind.Community, IsActive: true } community && PlaceScope.Covers(caller, community.Path)
            ? community
            : throw DomainException.NotFound();

    private IQueryable<TagGroup> InScope(Caller caller)
    {
        var scope = NoticeDesk.IsFor(caller) ? caller.PlaceScopePath! : throw DomainException.Forbidden("Notice.OnlyDesk");
        return db.TagGroups.AsNoTracking().Where(g => g.Community!.Path.StartsWith(scope));
    }
}
