using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Callbacks;

namespace CivicGrid.Web.Residents.Suggestions;

/// <summary>
/// Who answers the suggestion box: those who look after a street as a whole, that is the dispatchers
/// of its governance centre (or the district's, over every street) and the leaders of the street or
/// district. Community and grid staff look after a part of a street; departments after none.
/// </summary>
public static class SuggestionDesk
{
    /// <summary>The authorisation policy of the staff page and API.</summary>
    public const string Policy = "SuggestionDesk";

    public static bool IsFor(Caller caller) =>
        CallbackDesk.IsFor(caller)
        || caller is { Role: StaffRole.Leader, UnitKind: OrgUnitKind.Street or OrgUnitKind.District };

    /// <summary>The place whose streets the caller answers for; a street is covered when its path starts with it.</summary>
    public static string? ScopeOf(Caller caller) => IsFor(caller) ? caller.PlaceScopePath : null;
}
