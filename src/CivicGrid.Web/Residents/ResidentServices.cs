using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Residents.Accounts;
using CivicGrid.Web.Residents.Appointments;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Residents.Home;
using CivicGrid.Web.Residents.Notices;
using CivicGrid.Web.Residents.Reports;
using CivicGrid.Web.Residents.SignIn;
using CivicGrid.Web.Residents.Suggestions;
using CivicGrid.Web.Residents.Transparency;

namespace CivicGrid.Web.Residents;

public static class ResidentServices
{
    public static IServiceCollection AddResidents(this IServiceCollection services)
    {
        services.AddResidentAuthentication();
        services.AddTransparency();
        services.AddCallbacks();
        services.AddSuggestions();
        services.AddAppointments();
        services.AddNotices();
        services.AddScoped<HomePlace>();
        services.AddSettings<ResidentOptions>(ResidentOptions.Section);
        services.AddSettings<SignInOptions>(SignInOptions.Section);
        services.AddScoped<SignInCodes>();
        services.AddSingleton<ReportThrottle>();
        services.AddScoped<ResidentReporting>();
        services.AddScoped<MyReports>();
        services.AddScoped<ResidentRating>();
        services.AddScoped<SameProblem>();
        services.AddScoped<Reviews.ReviewQueue>();
        return services;
    }
}
