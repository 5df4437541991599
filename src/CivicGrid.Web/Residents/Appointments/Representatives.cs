using CivicGrid.Web.Identity;

namespace CivicGrid.Web.Residents.Appointments;

/// <summary>Who offers appointments: any staff member who serves residents, so not an administrator, whose account runs the platform.</summary>
public static class Representatives
{
    /// <summary>The authorisation policy of the representative's page.</summary>
    public const string Policy = "Representatives";

    public static bool IsFor(Caller caller) => caller.Role != StaffRole.Administrator;
}
