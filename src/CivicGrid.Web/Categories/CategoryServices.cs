using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;

namespace CivicGrid.Web.Categories;

public static class CategoryServices
{
    public static IServiceCollection AddCategories(this IServiceCollection services)
    {
        services.AddScoped<CategoryAdmin>();
        services.AddAuthorizationBuilder().AddPolicy(CategoryAdmin.Policy, policy => policy.RequireCaller(CategoryAdmin.IsFor));
        return services.AddReferenceSnapshot(CategoryCatalogue.LoadAsync, typeof(Category), typeof(CategoryDeadline));
    }
}
