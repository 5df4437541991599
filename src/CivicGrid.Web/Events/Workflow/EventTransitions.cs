using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events.Workflow;

/// <summary>
/// Applies one action of <see cref="EventWorkflow"/> to an event: checks it, moves the event,
/// writes the timeline, and saves it all at once or not at all.
/// </summary>
public sealed class EventTransitions(
    CivicGridDb db,
    Deadlines deadlines,
    ReferenceSnapshot<OrganisationTree> organisation,
    EventMerging merging,
    EventRelocation relocation,
    DispatchRules rules,
    EventNotices notices,
    CallbackSampling callbacks,
    TimeProvider clock)
{
    public async Task<Event> ApplyAsync(long eventId, EventAction action, TransitionRequest request, Caller caller, CancellationToken ct)
    {
        var e = await db.Events.VisibleTo(caller)
            .Include(x => x.Assignments)
            .Include(x => x.CoReporters)
            .Include(x => x.HolderUnit)
            .SingleOrDefaultAsync(x => x.Id == eventId, ct)
            ?? throw DomainException.NotFound();

        if (request.Version != e.Version)
        {
            throw DomainException.Conflict("Problem.ChangedMeanwhile");
        }

        var transition = EventWorkflow.For(action);
        switch (EventWorkflow.Decide(EventFacts.Of(e, await organisation.GetAsync(ct)), caller, action))
        {
            case Decision.IllegalState:
                throw DomainException.Conflict("Event.IllegalTransition", action, e.Status);
            case Decision.NotPermitted:
                throw DomainException.Forbidden("Event.NotYourAction", action);
        }

        var attachments = await ValidateAsync(e, transition, request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = e.Status;
        var previousHolder = e.HolderUnitId;
        var effect = await ApplyEffectAsync(e, action, request, caller, now, ct);

        e.Status = transition.To ?? e.Status;
        if (e.Status != from || effect.Target is not null)
        {
            e.StartStep(await deadlines.DueAsync(e.CategoryId, e.Urgency, EventWorkflow.StepOf(e.Status), now, ct));
        }

        e.UpdatedAt = now;
        e.Version++;

        var entry = EventReporting.Entry(action, from, e.Status, caller, now, effect.Target is { } target ? UnitInfo.Of(target) : effect.TargetInfo, request.Note);
        entry.AssistUnitNames = effect.AssistNames;
        entry.IsPublic = request.PublicNote;
        entry.TargetUnitName = effect.TargetLabel ?? entry.TargetUnitName;
        entry.Attachments.AddRange(attachments);
        e.Timeline.Add(entry);
        await notices.AfterTransitionAsync(e, action, previousHolder, caller.UserId, caller.DisplayName, request.Note, ct);

        if (action == EventAction.Register)
        {
            await DispatchByRuleAsync(e, caller, now, ct);
        }

        // The callback sample is drawn in the closing's own transaction (decision 0013).
        if (e.Status == EventStatus.Closed && from != EventStatus.Closed)
        {
            await callbacks.SampleOnCloseAsync(e, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>What the timeline says of an action: the unit it went to, and in words when that is not a unit (an event number, a place).</summary>
    private sealed record Effect(OrgUnit? Target = null, string? AssistNames = null, UnitInfo? TargetInfo = null, string? TargetLabel = null);

    private async Task<Effect> ApplyEffectAsync(Event e, EventAction action, TransitionRequest request, Caller caller, DateTime now, CancellationToken ct)
    {
        switch (action)
        {
            case EventAction.Accept:
                e.HandlerUnitId = e.HolderUnitId;
                return new();

            case EventAction.Register:
                return new();

            case EventAction.Escalate:
                var above = await NextLevelAsync(e, ct) ?? throw DomainException.Conflict("Event.NothingAbove");
                e.HolderUnitId = above.Id;
                e.HandlerUnitId = null;
                return new(above);

            case EventAction.Dispatch:
            case EventAction.Summon:
                var (lead, assists) = await DepartmentsAsync(request, caller, ct);
                DispatchTo(e, caller.UnitId, lead.Id, assists.Select(a => a.Id), now);
                return new(lead, assists.Count == 0 ? null : string.Join("、", assists.Select(a => a.Name)));

            case EventAction.SignFor:
                // The lead answers the summons (报到) by signing for.
                if (LeadOf(e) is { CheckedInAt: null } signed)
                {
                    signed.CheckedInAt = now;
                }

                return new();

            case EventAction.CheckIn:
                PendingAssistOf(e, caller).CheckedInAt = now;
                return new();

            case EventAction.Return:
                Finish(LeadOf(e), AssignmentStatus.Returned, now, request.Note);
                WithdrawPending(e, now);
                e.HolderUnitId = e.DispatchingCentreId;
                e.HandlerUnitId = null;
                return new(await db.OrgUnits.FindAsync([e.DispatchingCentreId], ct));

            case EventAction.Reassign:
                var (newLead, _) = await DepartmentsAsync(request with { AssistUnitIds = null }, caller, ct);
                if (newLead.Id == e.HolderUnitId)
                {
                    throw DomainException.Invalid(new Dictionary<string, string[]> { ["targetUnitId"] = ["Event.ReassignToSame"] });
                }

                Finish(LeadOf(e), AssignmentStatus.Withdrawn, now, request.Note);
                e.HolderUnitId = e.HandlerUnitId = newLead.Id;
                e.Assignments.Add(NewAssignment(newLead.Id, AssignmentRole.Lead, now));
                return new(newLead);

            case EventAction.Feedback:
                Finish(e.Assignments.SingleOrDefault(a => a.Role == AssignmentRole.Lead && a.Status == AssignmentStatus.Pending), AssignmentStatus.Done, now, request.Note);
                // The person who knows the place checks the result: the grid's worker, else the community.
                e.HolderUnitId = e.GridId ?? e.CommunityId;
                return new(await db.OrgUnits.FindAsync([e.HolderUnitId], ct));

            case EventAction.AssistFeedback:
                var part = PendingAssistOf(e, caller);
                // Reporting back is also answering: an assistant that never checked in has now.
                part.CheckedInAt ??= now;
                Finish(part, AssignmentStatus.Done, now, request.Note);
                return new();

            case EventAction.Verify:
            case EventAction.Close:
                e.HolderUnitId = null;
                e.ClosedAt = now;
                return new();

            case EventAction.Rework:
                e.ReworkCount++;
                e.HolderUnitId = e.HandlerUnitId;
                if (e.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.DepartmentId == e.HandlerUnitId).MaxBy(a => a.AssignedAt) is { } lastLead)
                {
                    lastLead.Status = AssignmentStatus.Pending;
                    lastLead.FinishedAt = null;
                }

                return new(await db.OrgUnits.FindAsync([e.HolderUnitId], ct));

            case EventAction.Evaluate:
                e.Satisfaction = request.Satisfaction;
                e.EvaluationComment = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
                await Evaluations.AddAsync(db, e, request.Satisfaction!.Value, e.EvaluationComment, EvaluationSource.Staff, isRoundRating: true, caller.UserId, caller.DisplayName, now, ct);
                return new();

            case EventAction.Void:
                WithdrawPending(e, now);
                e.HolderUnitId = null;
                return new();

            case EventAction.Reopen:
                // Reopening answers a resident's "unsatisfied": the review it asked for is done.
                e.ReviewRequestedAt = null;
                e.HolderUnitId = caller.UnitId;
                e.HandlerUnitId = null;
                e.ClosedAt = null;
                // A new round begins unrated; the round that ended keeps its evaluation in Evaluations.
                e.Satisfaction = null;
                e.EvaluationComment = null;
                return new(await db.OrgUnits.FindAsync([caller.UnitId], ct));

            case EventAction.Merge:
                var survivor = await merging.MergeAsync(e, request.TargetEventId, caller, now, request.Note, ct);
                WithdrawPending(e, now);
                e.HolderUnitId = null;
                return new(TargetLabel: survivor.Number);

            case EventAction.Relocate:
                var (newHolder, placeLabel) = await relocation.RelocateAsync(e, request, caller, ct);
                if (newHolder is not null)
                {
                    e.HolderUnitId = newHolder.Id;
                    e.HandlerUnitId = e.Status == EventStatus.Handling ? newHolder.Id : e.HandlerUnitId;
                }

                return new(TargetInfo: newHolder, TargetLabel: placeLabel);

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Not a transition of an existing event.");
        }
    }

    private async Task<List<Events.Attachments.Attachment>> ValidateAsync(Event e, Transition transition, TransitionRequest request, CancellationToken ct)
    {
        var check = new Validation()
            .Text(request.Note, "note", TimelineEntryConfiguration.NoteMaxLength, required: transition.Needs.HasFlag(Needs.Note) && !request.PublicNote)
            .Require(!request.PublicNote || !string.IsNullOrWhiteSpace(request.Note), "note", "Event.PublicNoteNeedsText")
            .Require(!transition.Needs.HasFlag(Needs.TargetUnit) || request.TargetUnitId is not null, "targetUnitId", "Validation.Required")
            .Require(!transition.Needs.HasFlag(Needs.AssistUnits) || request.AssistUnitIds is { Count: > 0 }, "assistUnitIds", "Event.SummonNeedsAssists")
            .Require(!transition.Needs.HasFlag(Needs.Satisfaction) || request.Satisfaction is { } s && Enum.IsDefined(s), "satisfaction", "Validation.Required")
            .Require(!transition.Needs.HasFlag(Needs.TargetEvent) || request.TargetEventId is not null, "targetEventId", "Validation.Required");
        if (transition.Needs.HasFlag(Needs.Location))
        {
            check.Position(request.Latitude, request.Longitude).Text(request.Address, "address", EventConfiguration.AddressMaxLength);
        }


        var ids = request.AttachmentIds ?? [];
        var attachments = ids.Count == 0
            ? []
            : await db.Attachments.Where(a => a.EventId == e.Id && a.TimelineEntryId == null && ids.Contains(a.Id)).ToListAsync(ct);
        check.Require(attachments.Count == ids.Distinct().Count(), "attachmentIds", "Validation.UnknownAttachment");
        check.ThrowIfInvalid();
        return attachments;
    }

    /// <summary>The level above the current holder: grid → community → street centre → district centre.</summary>
    private async Task<OrgUnit?> NextLevelAsync(Event e, CancellationToken ct)
    {
        var holder = e.HolderUnit!;
        switch (holder.Kind)
        {
            case OrgUnitKind.Grid:
                return await db.OrgUnits.FindAsync([e.CommunityId], ct);
            case OrgUnitKind.Community:
                return e.StreetId is { } streetId ? await CentreUnderAsync(streetId, ct) : null;
            case OrgUnitKind.GovernanceCentre:
                var parent = await db.OrgUnits.SingleAsync(u => u.Id == holder.ParentId, ct);
                return parent.Kind == OrgUnitKind.Street && parent.ParentId is { } districtId ? await CentreUnderAsync(districtId, ct) : null;
            default:
                return null;
        }
    }

    private Task<OrgUnit?> CentreUnderAsync(int placeId, CancellationToken ct) =>
        db.OrgUnits.FirstOrDefaultAsync(u => u.ParentId == placeId && u.Kind == OrgUnitKind.GovernanceCentre && u.IsActive, ct);

    /// <summary>A centre dispatches to the departments of the place it looks after.</summary>
    private async Task<(OrgUnit Lead, List<OrgUnit> Assists)> DepartmentsAsync(TransitionRequest request, Caller caller, CancellationToken ct)
    {
        var assistIds = (request.AssistUnitIds ?? []).Distinct().ToList();
        var wanted = assistIds.Append(request.TargetUnitId!.Value).ToList();
        var scope = caller.PlaceScopePath!;
        var found = await db.OrgUnits
            .Where(u => wanted.Contains(u.Id) && u.Kind == OrgUnitKind.Department && u.IsActive && u.Path.StartsWith(scope))
            .ToDictionaryAsync(u => u.Id, ct);

        var check = new Validation()
            .Require(found.ContainsKey(request.TargetUnitId.Value), "targetUnitId", "Validation.UnknownDepartment")
            .Require(assistIds.All(found.ContainsKey), "assistUnitIds", "Validation.UnknownDepartment")
            .Require(!assistIds.Contains(request.TargetUnitId.Value), "assistUnitIds", "Validation.AssistIsLead");
        check.ThrowIfInvalid();
        return (found[request.TargetUnitId.Value], assistIds.Select(id => found[id]).ToList());
    }

    /// <summary>
    /// 立案 with an automatic rule that fires for this centre: the platform dispatches at once, in
    /// the same save, and the timeline says which rule did it. A suggest-only rule, or none, leaves
    /// the event in the centre's queue.
    /// </summary>
    private async Task DispatchByRuleAsync(Event e, Caller caller, DateTime now, CancellationToken ct)
    {
        if ((await rules.MatchAsync(e, caller.UnitId, ct)).Winner is not { Mode: DispatchMode.Automatic } rule)
        {
            return;
        }

        var row = await rules.RowAsync(rule, ct);
        var previousHolder = e.HolderUnitId;
        DispatchTo(e, caller.UnitId, rule.LeadDepartmentId, rule.AssistDepartmentIds, now);
        var from = e.Status;
        e.Status = EventStatus.Dispatched;
        e.StartStep(await deadlines.DueAsync(e.CategoryId, e.Urgency, EventWorkflow.StepOf(e.Status), now, ct));
        e.Timeline.Add(new TimelineEntry
        {
            Action = EventAction.Dispatch,
            FromStatus = from,
            ToStatus = e.Status,
            ActorId = Guid.Empty,
            ActorName = TimelineEntry.SystemActorName,
            ActorUnitId = caller.UnitId,
            ActorUnitName = caller.UnitName,
            TargetUnitId = row.Lead.Id,
            TargetUnitName = row.Lead.Name,
            AssistUnitNames = row.Assists.Count == 0 ? null : string.Join("、", row.Assists.Select(a => a.Name)),
            Note = row.Describe(),
            DispatchRuleId = rule.Id,
            At = now,
        });
        await notices.AfterTransitionAsync(e, EventAction.Dispatch, previousHolder, Guid.Empty, TimelineEntry.SystemActorName, null, ct);
    }

    private static void DispatchTo(Event e, int centreId, int leadId, IEnumerable<int> assistIds, DateTime now)
    {
        WithdrawPending(e, now);
        e.DispatchingCentreId = centreId;
        e.HolderUnitId = e.HandlerUnitId = leadId;
        e.Assignments.Add(NewAssignment(leadId, AssignmentRole.Lead, now));
        e.Assignments.AddRange(assistIds.Select(id => NewAssignment(id, AssignmentRole.Assist, now)));
    }

    private static EventAssignment PendingAssistOf(Event e, Caller caller) =>
        e.Assignments.Single(a => a.Role == AssignmentRole.Assist && a.Status == AssignmentStatus.Pending && a.DepartmentId == caller.UnitId);

    private static EventAssignment? LeadOf(Event e) =>
        e.Assignments.SingleOrDefault(a => a.Role == AssignmentRole.Lead && a.Status == AssignmentStatus.Pending && a.DepartmentId == e.HolderUnitId);

    private static EventAssignment NewAssignment(int departmentId, AssignmentRole role, DateTime now) =>
        new() { DepartmentId = departmentId, Role = role, Status = AssignmentStatus.Pending, AssignedAt = now };

    private static void WithdrawPending(Event e, DateTime now)
    {
        foreach (var pending in e.Assignments.Where(a => a.Status == AssignmentStatus.Pending))
        {
            Finish(pending, AssignmentStatus.Withdrawn, now, null);
        }
    }

    private static void Finish(EventAssignment? assignment, AssignmentStatus status, DateTime now, string? note)
    {
        if (assignment is null)
        {
            return;
        }

        assignment.Status = status;
        assignment.FinishedAt = now;
        assignment.Note = string.IsNullOrWhiteSpace(note) ? assignment.Note : note.Trim();
    }
}
