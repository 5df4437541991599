using CivicGrid.Web.Categories;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicGrid.Tests.Notifications;

/// <summary>
/// The notification services as AddNotifications registers them, on settings the test gives and
/// one known category, without a database: for texts, gateways and channels.
/// </summary>
public static class NotificationParts
{
    public const int StreetLight = 42;
    public const string StreetLightPlain = "路灯不亮";
    public const string StreetLightEn = "Street light out";

    public static ServiceProvider Build(Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        var catalogue = new CategoryCatalogue([new CategoryView(StreetLight, "0101", "市政照明设施故障", StreetLightPlain, StreetLightEn, true, ParentId: 1)], []);
        services.AddSingleton(provider => new ReferenceSnapshot<CategoryCatalogue>(
            (_, _) => Task.FromResult(catalogue), [], provider.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new CachingOptions()), TimeProvider.System));
        services.AddNotifications(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A notification as the outbox writes it: due 2026-11-24 17:00 in Beijing.</summary>
    public static Notification Notice(NotificationKind kind = NotificationKind.NewTodo, string number = "E20261123-0001", string place = "毅阳社区幸福路12号", int categoryId = StreetLight) => new()
    {
        Id = 1,
        Kind = kind,
        RecipientId = Guid.NewGuid(),
        EventId = 7,
        EventNumber = number,
        EventTitle = "幸福路路灯不亮",
        CategoryId = categoryId,
        Place = place,
        Deadline = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc),
        ActorName = "邱美灵",
        Note = "已现场查看",
        CreatedAt = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc),
    };
}
