using CivicGrid.Web.Dispatch;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Residents.Callbacks;

/// <summary>Who calls back: the dispatchers of a street or district governance centre, for the events of the place it looks after.</summary>
public static class CallbackDesk
{
    /// <summary>The authorisation policy of the callback page and API.</summary>
    public const string Policy = "CallbackDesk";

    public static bool IsFor(Caller caller) =>
        Dispatchers.IsFor(caller) && caller.UnitKind == OrgUnitKind.GovernanceCentre && caller.PlaceScopePath is not null;
}
