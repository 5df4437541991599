using CivicGrid.Web.Infrastructure.Caching;

namespace CivicGrid.Web.Categories;

public static class CategoryServices
{
    public static IServiceCollection AddCategories(this IServiceCollection services) =>
        services.AddReferenceSnapshot(CategoryCatalogue.LoadAsync, typeof(Category), typeof(CategoryDeadline));
}
