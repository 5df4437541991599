using CivicGrid.Web.Calendar;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Supervision;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Infrastructure.Database;

/// <summary>
/// The one database of the platform. Each provider has a small subclass that owns its own
/// migrations (see docs/decisions/0001-two-database-providers.md); everything else uses this type.
/// </summary>
public abstract class CivicGridDb(DbContextOptions options) : IdentityUserContext<StaffUser, Guid>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<CategoryDeadline> CategoryDeadlines => Set<CategoryDeadline>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EventAssignment> EventAssignments => Set<EventAssignment>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<EventNumberCounter> EventNumberCounters => Set<EventNumberCounter>();
    public DbSet<EventCoReporter> EventCoReporters => Set<EventCoReporter>();
    public DbSet<GridBoundary> GridBoundaries => Set<GridBoundary>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<BuildingUnit> BuildingUnits => Set<BuildingUnit>();
    public DbSet<PlaceCode> PlaceCodes => Set<PlaceCode>();
    public DbSet<OverdueNotice> OverdueNotices => Set<OverdueNotice>();
    public DbSet<SupervisionOrder> SupervisionOrders => Set<SupervisionOrder>();
    public DbSet<DispatchRule> DispatchRules => Set<DispatchRule>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<Residents.Accounts.Resident> Residents => Set<Residents.Accounts.Resident>();
    public DbSet<Residents.SignIn.SignInCode> ResidentSignInCodes => Set<Residents.SignIn.SignInCode>();
    public DbSet<Callback> Callbacks => Set<Callback>();
    public DbSet<Residents.Suggestions.Suggestion> Suggestions => Set<Residents.Suggestions.Suggestion>();
    public DbSet<Residents.Appointments.AppointmentSlot> AppointmentSlots => Set<Residents.Appointments.AppointmentSlot>();
    public DbSet<Residents.Appointments.Appointment> Appointments => Set<Residents.Appointments.Appointment>();
    public DbSet<Residents.Notices.Notice> Notices => Set<Residents.Notices.Notice>();
    public DbSet<Residents.Notices.NoticeRecipient> NoticeRecipients => Set<Residents.Notices.NoticeRecipient>();
    public DbSet<Residents.Notices.TagGroup> TagGroups => Set<Residents.Notices.TagGroup>();
    public DbSet<Residents.Notices.TagGroupMember> TagGroupMembers => Set<Residents.Notices.TagGroupMember>();
    public DbSet<Registry.Housing.Room> Rooms => Set<Registry.Housing.Room>();
    public DbSet<Registry.Housing.Household> Households => Set<Registry.Housing.Household>();
    public DbSet<Registry.Housing.Residence> Residences => Set<Registry.Housing.Residence>();
    public DbSet<Registry.Persons.Person> Persons => Set<Registry.Persons.Person>();
    public DbSet<Registry.Persons.CareTag> CareTags => Set<Registry.Persons.CareTag>();
    public DbSet<Registry.Persons.PersonCareTag> PersonCareTags => Set<Registry.Persons.PersonCareTag>();
    public DbSet<Registry.History.RegistryChange> RegistryChanges => Set<Registry.History.RegistryChange>();
    public DbSet<Registry.Privacy.PersonalDataAccess> PersonalDataAccesses => Set<Registry.Privacy.PersonalDataAccess>();
    public DbSet<Registry.Privacy.RegistryGrant> RegistryGrants => Set<Registry.Privacy.RegistryGrant>();
    public DbSet<Registry.Reports.ReportTemplate> ReportTemplates => Set<Registry.Reports.ReportTemplate>();
    public DbSet<Indicators.EventOutcome> EventOutcomes => Set<Indicators.EventOutcome>();
    public DbSet<Indicators.IndicatorSettings> IndicatorSettings => Set<Indicators.IndicatorSettings>();
    public DbSet<Indicators.Cells.UnitCell> UnitCells => Set<Indicators.Cells.UnitCell>();
    public DbSet<Indicators.Cells.UnitStep> UnitSteps => Set<Indicators.Cells.UnitStep>();
    public DbSet<Indicators.Cells.UnitSquare> UnitSquares => Set<Indicators.Cells.UnitSquare>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CivicGridDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Every timestamp is UTC; both providers hand it back marked as such.
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<Enum>().HaveConversion<int>();
    }
}
