using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Organisation;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Web.Geography;

public static class GeographyServices
{
    public static IServiceCollection AddGeography(this IServiceCollection services)
    {
        services.AddSettings<GeographyOptions>(GeographyOptions.Section);
        // One grid index for the whole process, shared by all requests and rebuilt when grids change.
        services.AddReferenceSnapshot(IncidentPlaces.LoadLocatorAsync, typeof(GridBoundary), typeof(OrgUnit));
        services.AddScoped<IncidentPlaces>();
        services.AddScoped<PlaceQueries>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PlaceScope.Policy, policy => policy.RequireCaller(PlaceScope.IsFor));
        services.AddSingleton<PlaceCodeTokens>();
        services.AddSingleton<QrCodes>();
        services.AddScoped<PlaceCodes>();
        services.AddScoped<BuildingQueries>();
        services.AddScoped<BuildingAdmin>();
        services.AddScoped<EventMap>();
        services.AddScoped<GridImport>();
        services.AddSingleton<GridImportUploads>();
        // Grid areas travel as GeoJSON, from the API and from page handlers alike.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new GeoJsonConverterFactory()));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => json.JsonSerializerOptions.Converters.Add(new GeoJsonConverterFactory()));
        return services;
    }
}
