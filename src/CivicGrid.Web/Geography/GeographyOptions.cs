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

    /// <summary>
    /// The address residents reach the platform at, which printed QR codes encode (https://grid.example.cn/).
    /// Unset, codes carry the address of the request that printed them: fine on one host, wrong
    /// behind a proxy or when labels are printed from an office address residents cannot reach.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

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

        if (PublicBaseUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)))
        {
            yield return new ValidationResult($"Geography:PublicBaseUrl must be an absolute http(s) address without query or fragment, not \"{url.OriginalString}\".", [nameof(PublicBaseUrl)]);
        }
    }
}
