using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Residents.Transparency;

/// <summary>Section "Transparency": the public figures of each street.</summary>
public sealed class TransparencyOptions
{
    public const string Section = "Transparency";

    /// <summary>
    /// How long figures once counted are shown before they are counted again: anyone may ask, as
    /// often as they like, and each count reads a month of a street's events.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(5);

    [Range(0, 20)]
    public int TopCategories { get; set; } = 5;
}
