namespace CivicGrid.Web.Demo;

public static class DemoServices
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<DemoData>().AddScoped<DemoRegistry>().AddScoped<DemoActivity>();
}
