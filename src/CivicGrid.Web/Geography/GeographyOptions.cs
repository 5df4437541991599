using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Geography;

public sealed class GeographyOptions : IValidatableObject
{
    public const string Section = "Geography";

    /// <summary>A point outside every grid goes to the nearest grid within this distance, else to the district's unplaced queue.</summary>
    [Range(0, 5000)]
    public double NearestGridToleranceMetres { get; set; } = 100;

    public MapTileSource Tiles { get; set; } = MapTileSource.None;

    /// <summary>The 天地图 developer key (tk), needed when <see cref="Tiles"/> is Tianditu.</summary>
    public string? TiandituKey { get; set; }

    public MapTiles MapTiles => MapTiles.For(Tiles, TiandituKey);

    /// <summary>The most events one map window shows; past it the map says "too many, zoom in".</summary>
    [Range(1, 50_000)]
    public int MapMaxEvents { get; set; } = 10_000;

    /// <summary>Where uploaded grid files wait between preview and confirmation (outside the web root).</summary>
    [Required]
    public string ImportFolder { get; set; } = "data/grid-imports";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Tiles == MapTileSource.Tianditu && string.IsNullOrWhiteSpace(TiandituKey))
        {
            yield return new ValidationResult("Geography:Tiles is Tianditu but Geography:TiandituKey (the tk developer key) is empty.", [nameof(TiandituKey)]);
        }
    }
}
