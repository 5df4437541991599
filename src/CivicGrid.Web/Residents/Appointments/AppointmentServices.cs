using CivicGrid.Web.Identity;

namespace CivicGrid.Web.Residents.Appointments;

public static class AppointmentServices
{
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddScoped<AppointmentBook>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Representatives.Policy, policy => policy.RequireCaller(Representatives.IsFor));
        return services;
    }
}
