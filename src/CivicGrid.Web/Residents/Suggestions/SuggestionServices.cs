using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Web.Residents.Suggestions;

public static class SuggestionServices
{
    public static IServiceCollection AddSuggestions(this IServiceCollection services)
    {
        services.AddSettings<SuggestionOptions>(SuggestionOptions.Section);
        services.AddScoped<SuggestionBox>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SuggestionDesk.Policy, policy => policy.RequireCaller(SuggestionDesk.IsFor));
        return services;
    }
}
