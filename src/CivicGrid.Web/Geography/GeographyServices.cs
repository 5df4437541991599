using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Organisation;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Web.Geography;

public static class GeographyServices
{
    public static IServiceCollection AddGeography(this IServiceCollection services)
    {
        services.AddOptions<GeographyOptions>()
            .BindConfiguration(GeographyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddReferenceSnapshot(IncidentPlaces.LoadLocatorAsync, typeof(GridBoundary), typeof(OrgUnit));
        services.AddScoped<IncidentPlaces>();
        services.AddScoped<PlaceQueries>();
        services.AddScoped<EventMap>();
        services.AddScoped<GridImport>();
        services.AddSingleton<GridImportUploads>();
        // Grid areas travel as GeoJSON, from the API and from page handlers alike.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new GeoJsonConverterFactory()));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => json.JsonSerializerOptions.Converters.Add(new GeoJsonConverterFactory()));
        return services;
    }
}
