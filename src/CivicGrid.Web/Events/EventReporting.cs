using CivicGrid.Web.Categories;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Organisation;

using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events;

/// <summary>
/// Creates events: a report (上报) that enters the loop, or a matter already solved on the
/// spot (自行处置) that is closed at once. The incident's place decides the community, never
/// the reporter's own unit.
/// </summary>
public sealed class EventReporting(
    CivicGridDb db,
    EventNumbers numbers,
    Deadlines deadlines,
    AttachmentIntake intake,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    ReferenceSnapshot<OrganisationTree> organisation,
    IncidentPlaces places,
    EventNotices notices,
    TimeProvider clock)
{
    private static readonly StaffRole[] SolversOnSpot = [StaffRole.GridWorker, StaffRole.CommunityHead];

    /// <summary>Whether the caller's role may record a matter solved on the spot, so pages offer it only then.</summary>
    public static bool MaySolveOnSpot(StaffRole role) => SolversOnSpot.Contains(role);

    public async Task<Event> ReportAsync(ReportRequest request, IReadOnlyList<Upload> photos, Caller caller, CancellationToken ct)
    {
        var (category, place) = await ValidateAsync(request, caller, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var source = request.Source ?? DefaultSource(caller.Role);
        var holder = HolderFor(place, source, await organisation.GetAsync(ct));

        var e = NewEvent(request, category, place, source, caller.UserId, caller.DisplayName, now);
        e.Status = EventStatus.Reported;
        e.HolderUnitId = holder.Id;
        e.StartStep(await deadlines.DueAsync(category.Id, e.Urgency, EventStep.Accept, now, ct));
        e.Timeline.Add(Entry(EventAction.Report, null, EventStatus.Reported, caller, now, holder, null));

        return await SaveAsync(e, photos, [], caller.UserId, caller.DisplayName, now, ct);
    }

    /// <summary>
    /// A resident's report (群众上报). The resident stands outside the hierarchy, so the point alone
    /// decides the district, and a point in no grid of the platform is refused. A report held for
    /// review (a flood from one number) waits on the street's governance centre instead of the grid.
    /// </summary>
    public async Task<Event> ReportByResidentAsync(ReportRequest request, IReadOnlyList<Upload> photos, ResidentReporter reporter, CancellationToken ct)
    {
        var category = await ValidateRequestAsync(request, ct);
        var place = await places.ResolveAnywhereAsync(request.Latitude!.Value, request.Longitude!.Value, ct)
            ?? throw DomainException.Invalid(new Dictionary<string, string[]> { ["latitude"] = ["Resident.Report.OutsideArea"] });
        var units = await organisation.GetAsync(ct);
        var holder = reporter.HeldForReview
            ? units.CentreOf(place.Street!.Id) ?? units.CentreOf(place.District.Id) ?? throw new InvalidOperationException($"No governance centre over {place.Street!.Name}.")
            : HolderFor(place, EventSource.Resident, units);

        var now = clock.GetUtcNow().UtcDateTime;
        var e = NewEvent(request, category, place, EventSource.Resident, reporter.Id, reporter.Name, now);
        e.ResidentId = reporter.ResidentId;
        e.ReporterPhone = reporter.Phone;
        e.Status = EventStatus.Reported;
        e.HolderUnitId = holder.Id;
        e.StartStep(await deadlines.DueAsync(category.Id, e.Urgency, EventStep.Accept, now, ct));
        e.Timeline.Add(TimelineEntry.ByResident(EventAction.Report, null, EventStatus.Reported, reporter.Id, reporter.Name, now, reporter.HeldForReview ? ResidentReporter.HeldNote : null, holder));

        return await SaveAsync(e, photos, [], reporter.Id, reporter.Name, now, ct);
    }

    public async Task<Event> SolveOnSpotAsync(ReportRequest request, IReadOnlyList<Upload> before, IReadOnlyList<Upload> after, Caller caller, CancellationToken ct)
    {
        if (!SolversOnSpot.Contains(caller.Role))
        {
            throw DomainException.Forbidden("Event.OnlyFieldStaffSolveOnSpot");
        }

        var (category, place) = await ValidateAsync(request, caller, ct);
        if (caller.PlaceScopePath is not { } scope || !place.IsPlaced || !place.Unit.Path.StartsWith(scope, StringComparison.Ordinal))
        {
            throw DomainException.Forbidden("Event.SolveOnSpotOutsideArea");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var e = NewEvent(request, category, place, request.Source ?? DefaultSource(caller.Role), caller.UserId, caller.DisplayName, now);
        e.Status = EventStatus.Closed;
        e.HandlerUnitId = caller.UnitId;
        e.ClosedAt = now;
        e.Timeline.Add(Entry(EventAction.SolveOnSpot, null, EventStatus.Closed, caller, now, null, request.Description));

        return await SaveAsync(e, before, after, caller.UserId, caller.DisplayName, now, ct);
    }

    private async Task<Event> SaveAsync(Event e, IReadOnlyList<Upload> before, IReadOnlyList<Upload> after, Guid actorId, string actorName, DateTime now, CancellationToken ct)
    {
        var photos = await intake.AcceptAsync(0, before, AttachmentStage.Before, actorId, now, ct);
        try
        {
            photos.AddRange(await intake.AcceptAsync(0, after, AttachmentStage.After, actorId, now, ct));
            e.Attachments.AddRange(photos);
            e.Timeline[0].Attachments.AddRange(photos);
            e.Number = await numbers.NextAsync(now.Year, ct);
            e.IndexText();
            db.Events.Add(e);
            await notices.AfterReportAsync(e, actorId, actorName, ct);
            await db.SaveChangesAsync(ct);
            return e;
        }
        catch
        {
            intake.Discard(photos);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// A resident's report goes first to the grid worker who knows the place, staff reports to
    /// the community; a point outside every grid waits in the district centre's unplaced queue.
    /// </summary>
    private static UnitInfo HolderFor(IncidentPlace place, EventSource source, OrganisationTree units) => place switch
    {
        { Grid: { } grid } when source == EventSource.Resident => grid,
        { Community: { } community } => community,
        _ => units.CentreOf(place.District.Id) ?? throw new InvalidOperationException($"District {place.District.Name} has no governance centre for unplaced events."),
    };

    private static Event NewEvent(ReportRequest request, CategoryView category, IncidentPlace place, EventSource source, Guid reporterId, string reporterName, DateTime now) => new()
    {
        Number = string.Empty,
        Title = request.Title!.Trim(),
        Description = request.Description!.Trim(),
        CategoryId = category.Id,
        Urgency = request.Urgency ?? category.DefaultUrgency,
        Source = source,
        Latitude = request.Latitude!.Value,
        Longitude = request.Longitude!.Value,
        Address = request.Address!.Trim(),
        StreetId = place.Street?.Id,
        CommunityId = place.Community?.Id,
        GridId = place.Grid?.Id,
        PlacePath = place.Unit.Path,
        BuildingId = request.BuildingId,
        BuildingUnitId = request.BuildingId is null ? null : request.BuildingUnitId,
        ReporterId = reporterId,
        ReporterName = reporterName,
        ReportedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    internal static TimelineEntry Entry(EventAction action, EventStatus? from, EventStatus to, Caller caller, DateTime now, UnitInfo? target, string? note) => new()
    {
        Action = action,
        FromStatus = from,
        ToStatus = to,
        ActorId = caller.UserId,
        ActorName = caller.DisplayName,
        ActorUnitId = caller.UnitId,
        ActorUnitName = caller.UnitName,
        TargetUnitId = target?.Id,
        TargetUnitName = target?.Name,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        At = now,
    };

    private static EventSource DefaultSource(StaffRole role) => role switch
    {
        StaffRole.DepartmentHandler => EventSource.Department,
        StaffRole.Leader => EventSource.Leader,
        _ => EventSource.GridPatrol,
    };

    private async Task<(CategoryView Category, IncidentPlace Place)> ValidateAsync(ReportRequest request, Caller caller, CancellationToken ct)
    {
        var category = await ValidateRequestAsync(request, ct);
        var district = (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath);
        var place = await places.ResolveAsync(request.Latitude!.Value, request.Longitude!.Value, district.Id, ct);
        return (category, place);
    }

    private async Task<CategoryView> ValidateRequestAsync(ReportRequest request, CancellationToken ct)
    {
        var check = new Validation()
            .Text(request.Title, "title", EventConfiguration.TitleMaxLength)
            .Text(request.Description, "description", EventConfiguration.DescriptionMaxLength)
            .Text(request.Address, "address", EventConfiguration.AddressMaxLength)
            .Require(request.CategoryId is not null, "categoryId", "Validation.Required")
            .Position(request.Latitude, request.Longitude)
            .Require(request.Urgency is null || Enum.IsDefined(request.Urgency.Value), "urgency", "Validation.UnknownValue")
            .Require(request.Source is null || Enum.IsDefined(request.Source.Value), "source", "Validation.UnknownValue")
            .Require(request.BuildingUnitId is null || request.BuildingId is not null, "buildingId", "Validation.Required");

        var categories = await catalogue.GetAsync(ct);
        var category = categories.FindForEvent(request.CategoryId);
        check.Require(request.CategoryId is null || category is not null, "categoryId",
            categories.Find(request.CategoryId) is { ParentId: null, IsActive: true } ? "Validation.MajorCategory" : "Validation.UnknownCategory");

        if (request.BuildingId is { } buildingId)
        {
            var unitId = request.BuildingUnitId;
            var known = await db.Buildings.AnyAsync(b => b.Id == buildingId && b.IsActive && (unitId == null || b.Units.Any(u => u.Id == unitId)), ct);
            check.Require(known, request.BuildingUnitId is null ? "buildingId" : "buildingUnitId", "Validation.UnknownPlace");
        }

        check.ThrowIfInvalid();
        return category!;
    }
}
