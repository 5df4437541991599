using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Supervision;

/// <summary>
/// Issuing, answering and concluding supervision orders. Each writes the order and its timeline
/// entry in one save, or nothing. Who may: the issuer is a leader or centre dispatcher overseeing
/// the event's place; the answer comes from the unit holding the event; the issuer concludes.
/// </summary>
public sealed class SupervisionOrders(CivicGridDb db, ReferenceSnapshot<OrganisationTree> organisation, EventNotices notices, TimeProvider clock)
{
    public async Task<SupervisionOrder> IssueAsync(long eventId, IssueOrderRequest request, Caller caller, CancellationToken ct)
    {
        var e = await EventAsync(eventId, caller, ct);
        if (!MayIssueOn(e.PlacePath, caller))
        {
            throw DomainException.Forbidden("Supervision.NotYourPlace");
        }

        if (!EventWorkflow.IsOpen(e.Status) || e.HolderUnitId is not { } holderId)
        {
            throw DomainException.Conflict("Supervision.EventClosed");
        }

        if (holderId == caller.UnitId)
        {
            throw DomainException.Conflict("Supervision.OwnUnit");
        }

        var now = Now;
        new Validation()
            .Text(request.Note, "note", SupervisionOrderConfiguration.NoteMaxLength)
            .Require(request.Deadline is not null, "deadline", "Validation.Required")
            .Require(request.Deadline is null || request.Deadline.Value.UtcDateTime > now, "deadline", "Supervision.DeadlineInPast")
            .ThrowIfInvalid();

        var holder = (await organisation.GetAsync(ct)).Find(holderId)!;
        var order = new SupervisionOrder
        {
            EventId = e.Id,
            Note = request.Note!.Trim(),
            Deadline = request.Deadline!.Value.UtcDateTime,
            IssuedAt = now,
            IssuerId = caller.UserId,
            IssuerName = caller.DisplayName,
            IssuerUnitId = caller.UnitId,
            IssuerUnitName = caller.UnitName,
            AddresseeUnitId = holder.Id,
            AddresseeUnitName = holder.Name,
        };
        db.SupervisionOrders.Add(order);
        db.TimelineEntries.Add(SupervisionTimeline.ByCaller(e.Id, EventAction.Supervise, e.Status, caller, holder.Id, holder.Name, order.Note, now));
        await notices.AfterSupervisionIssuedAsync(order, caller, ct);
        await db.SaveChangesAsync(ct);
        return order;
    }

    public async Task<SupervisionOrder> ReplyAsync(long orderId, ReplyRequest request, Caller caller, CancellationToken ct)
    {
        var (order, e) = await OrderAsync(orderId, caller, ct);
        if (e.HolderUnitId != caller.UnitId)
        {
            throw DomainException.Forbidden("Supervision.OnlyHolderReplies");
        }

        if (order.State != SupervisionState.Open)
        {
            throw DomainException.Conflict("Supervision.NotAwaitingReply");
        }

        new Validation().Text(request.Note, "note", SupervisionOrderConfiguration.NoteMaxLength).ThrowIfInvalid();

        var now = Now;
        order.Reply = request.Note!.Trim();
        order.RepliedAt = now;
        order.ReplierName = caller.DisplayName;
        order.ReplierUnitName = caller.UnitName;
        // Answered after the deadline is late, whether or not the sweep has already recorded it unanswered.
        order.Outcome = now <= order.Deadline ? SupervisionOutcome.AnsweredOnTime : SupervisionOutcome.AnsweredLate;
        order.Version++;
        db.TimelineEntries.Add(SupervisionTimeline.ByCaller(e.Id, EventAction.SupervisionReply, e.Status, caller, null, null, order.Reply, now));
        await notices.AfterSupervisionReplyAsync(order, caller, ct);
        await db.SaveChangesAsync(ct);
        return order;
    }

    public async Task<SupervisionOrder> ConcludeAsync(long orderId, ConcludeRequest request, Caller caller, CancellationToken ct)
    {
        var (order, e) = await OrderAsync(orderId, caller, ct);
        if (!MayConclude(order, caller))
        {
            throw DomainException.Forbidden("Supervision.OnlyIssuerConcludes");
        }

        if (order.State == SupervisionState.Concluded)
        {
            throw DomainException.Conflict("Supervision.AlreadyConcluded");
        }

        // An order is judged on its answer, or on its deadline passing without one.
        if (order.Outcome == SupervisionOutcome.Pending)
        {
            throw DomainException.Conflict("Supervision.AwaitingReply");
        }

        new Validation().Text(request.Assessment, "assessment", SupervisionOrderConfiguration.AssessmentMaxLength).ThrowIfInvalid();

        var now = Now;
        order.Assessment = request.Assessment!.Trim();
        order.ConcludedAt = now;
        order.ConcluderName = caller.DisplayName;
        order.Version++;
        db.TimelineEntries.Add(SupervisionTimeline.ByCaller(e.Id, EventAction.SupervisionConclude, e.Status, caller, null, null, order.Assessment, now));
        await db.SaveChangesAsync(ct);
        return order;
    }

    /// <summary>A leader or centre dispatcher, for an event in the place they look after.</summary>
    public static bool MayIssueOn(string placePath, Caller caller) =>
        Supervisors.IsFor(caller) && placePath.StartsWith(caller.PlaceScopePath!, StringComparison.Ordinal);

    /// <summary>The issuer, or a colleague of the same unit who could have issued it.</summary>
    public static bool MayConclude(SupervisionOrder order, Caller caller) =>
        order.IssuerId == caller.UserId || (order.IssuerUnitId == caller.UnitId && Supervisors.IsFor(caller));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private sealed record EventFacts(long Id, EventStatus Status, string PlacePath, int? HolderUnitId);

    /// <summary>The event as the caller may see it; outside their sight it does not exist (404).</summary>
    private async Task<EventFacts> EventAsync(long eventId, Caller caller, CancellationToken ct) =>
        await db.Events.VisibleTo(caller).Where(e => e.Id == eventId)
            .Select(e => new EventFacts(e.Id, e.Status, e.PlacePath, e.HolderUnitId))
            .SingleOrDefaultAsync(ct)
        ?? throw DomainException.NotFound();

    /// <summary>An order exists for the caller when its event does.</summary>
    private async Task<(SupervisionOrder Order, EventFacts Event)> OrderAsync(long orderId, Caller caller, CancellationToken ct)
    {
        var order = await db.SupervisionOrders.SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw DomainException.NotFound();
        return (order, await EventAsync(order.EventId, caller, ct));
    }
}
