using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Dispatch.Rules;

public sealed record DepartmentRef(int Id, string Name);

/// <summary>A rule as people read it: names instead of ids, as the units and categories are called now.</summary>
public sealed record DispatchRuleRow(
    int Id,
    int CategoryId,
    string CategoryName,
    string CategoryPlainName,
    bool IsBranch,
    int AreaId,
    string AreaName,
    OrgUnitKind AreaKind,
    DepartmentRef Lead,
    IReadOnlyList<DepartmentRef> Assists,
    DispatchMode Mode,
    bool IsActive,
    string? Note,
    DateTime UpdatedAt)
{
    /// <summary>The rule in words for the timeline, which keeps it as it was when it fired.</summary>
    public string Describe() =>
        $"分拨规则 #{Id}：{CategoryName}{(IsBranch ? "（整类）" : "")} · {AreaName} → {Lead.Name}"
        + (Assists.Count == 0 ? "" : $"，协办 {string.Join("、", Assists.Select(a => a.Name))}")
        + (Note is null ? "" : $"（{Note}）");
}

/// <summary>The rules applied to events: the one that fires when a centre registers an event, and the suggestion the queue and the event page show.</summary>
public sealed class DispatchRules(
    CivicGridDb db,
    ReferenceSnapshot<DispatchRuleBook> book,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    ReferenceSnapshot<OrganisationTree> organisation)
{
    /// <summary>The rule that fires for an event dispatched by a centre, with what fits and why the others lost.</summary>
    public Task<RuleMatch> MatchAsync(Event e, int centreId, CancellationToken ct) =>
        MatchAsync(new EventPlace(e.CategoryId, e.StreetId, e.CommunityId, e.PlacePath), centreId, ct);

    private async Task<RuleMatch> MatchAsync(EventPlace e, int centreId, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var category = (await catalogue.GetAsync(ct)).Find(e.CategoryId)!;
        var areas = new[] { e.CommunityId, e.StreetId, units.DistrictOf(e.PlacePath).Id }
            .Select(units.Find).OfType<UnitInfo>().ToList();
        return (await book.GetAsync(ct)).Match(category, areas, units.Find(centreId), units);
    }

    /// <summary>The rule's departments for an event the caller may dispatch now; null when it may not, or no rule fires.</summary>
    public async Task<DispatchRuleRow?> SuggestionAsync(Event e, IReadOnlyCollection<EventAction> available, Caller caller, CancellationToken ct) =>
        available.Contains(EventAction.Dispatch) && caller.UnitKind == OrgUnitKind.GovernanceCentre
        && (await MatchAsync(e, caller.UnitId, ct)).Winner is { } rule
            ? await RowAsync(rule, ct)
            : null;

    /// <summary>Suggestions for a page of the centre's queue, with the version each one-tap dispatch must quote.</summary>
    public async Task<IReadOnlyDictionary<long, QueueSuggestion>> ForQueueAsync(IReadOnlyCollection<long> ids, Caller caller, CancellationToken ct)
    {
        var dispatchable = EventWorkflow.For(EventAction.Dispatch).From.ToList();
        var unit = caller.UnitId;
        var events = await db.Events.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.HolderUnitId == unit && dispatchable.Contains(e.Status))
            .Select(e => new { e.Id, e.Version, Place = new EventPlace(e.CategoryId, e.StreetId, e.CommunityId, e.PlacePath) })
            .ToListAsync(ct);
        var suggestions = new Dictionary<long, QueueSuggestion>();
        foreach (var e in events)
        {
            if (caller.UnitKind == OrgUnitKind.GovernanceCentre && (await MatchAsync(e.Place, unit, ct)).Winner is { } rule)
            {
                suggestions[e.Id] = new QueueSuggestion(e.Version, await RowAsync(rule, ct));
            }
        }

        return suggestions;
    }

    public async Task<DispatchRuleRow> RowAsync(DispatchRule rule, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var category = (await catalogue.GetAsync(ct)).Find(rule.CategoryId)!;
        var area = units.Find(rule.AreaId)!;
        DepartmentRef Department(int id) => new(id, units.NameOf(id) ?? "—");
        return new DispatchRuleRow(
            rule.Id, rule.CategoryId, category.Name, category.PlainName, category.ParentId is null, area.Id, area.Name, area.Kind,
            Department(rule.LeadDepartmentId), rule.AssistDepartmentIds.Select(Department).ToList(), rule.Mode, rule.IsActive, rule.Note, rule.UpdatedAt);
    }
}

/// <summary>What a rule looks at: the event's category and where it stands.</summary>
internal sealed record EventPlace(int CategoryId, int? StreetId, int? CommunityId, string PlacePath);

/// <summary>A queue row's suggestion, and the event's version that dispatching it must quote.</summary>
public sealed record QueueSuggestion(int Version, DispatchRuleRow Rule);
