using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Events;

/// <summary>
/// Staff correct where an incident stands; its grid, community and street are decided again from
/// the new position. An event still waiting on a grid or a community follows to the new place's
/// grid or community; one in the district's unplaced queue goes to its community once placed;
/// one already with a centre or department stays there.
/// </summary>
public sealed class EventRelocation(IncidentPlaces places, ReferenceSnapshot<OrganisationTree> organisation)
{
    /// <returns>The new holder when the event moved to another unit, and the new place in words.</returns>
    public async Task<(UnitInfo? NewHolder, string PlaceLabel)> RelocateAsync(Event e, TransitionRequest request, Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var place = await places.ResolveAsync(request.Latitude!.Value, request.Longitude!.Value, units.DistrictOf(caller.UnitPath).Id, ct);
        var holder = units.Find(e.HolderUnitId);
        var wasUnplaced = e.GridId is null;

        (e.Latitude, e.Longitude, e.Address) = (request.Latitude.Value, request.Longitude.Value, request.Address!.Trim());
        e.IndexText();
        (e.StreetId, e.CommunityId, e.GridId, e.PlacePath) = (place.Street?.Id, place.Community?.Id, place.Grid?.Id, place.Unit.Path);
        // The building picked at report time no longer describes the place.
        (e.BuildingId, e.BuildingUnitId) = (null, null);

        var newHolder = holder?.Kind switch
        {
            OrgUnitKind.Grid => place.Grid ?? place.Community ?? units.CentreOf(place.District.Id),
            OrgUnitKind.Community => place.Community ?? units.CentreOf(place.District.Id),
            OrgUnitKind.GovernanceCentre when wasUnplaced && place.Community is not null => place.Community,
            _ => holder,
        };
        var label = place.Community is null ? place.District.Name : $"{place.Community.Name}{(place.Grid is null ? "" : " · " + place.Grid.Name)}";
        return (newHolder?.Id != holder?.Id ? newHolder : null, label);
    }
}
