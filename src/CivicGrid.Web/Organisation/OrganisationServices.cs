using CivicGrid.Web.Infrastructure.Caching;

namespace CivicGrid.Web.Organisation;

public static class OrganisationServices
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<OrganisationAdmin>();
        services.AddReferenceSnapshot(OrganisationTree.LoadAsync, typeof(OrgUnit));
        return services;
    }
}
