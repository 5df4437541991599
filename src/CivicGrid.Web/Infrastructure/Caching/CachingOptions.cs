using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Infrastructure.Caching;

public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>How long another instance's change to reference data may take to show here.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReferenceMaxAge { get; set; } = TimeSpan.FromMinutes(1);
}
