namespace CivicGrid.Web.Geography;

/// <summary>Which background the maps draw under grids and events.</summary>
public enum MapTileSource
{
    /// <summary>No tiles: grids and events on a plain background (offline, tests, no licence).</summary>
    None,
    OpenStreetMap,
    /// <summary>天地图, the national platform; CGCS2000 is within centimetres of WGS-84. Needs a key.</summary>
    Tianditu,
    /// <summary>高德 (AMap), whose tiles are drawn in GCJ-02: the map layer converts both ways.</summary>
    AMap,
}

/// <summary>The tile layer as the browser needs it; <see cref="Gcj02"/> tells the script to shift coordinates.</summary>
public sealed record MapTiles(string? UrlTemplate, string Subdomains, string Attribution, bool Gcj02)
{
    public static MapTiles For(MapTileSource source, string? tiandituKey) => source switch
    {
        MapTileSource.OpenStreetMap => new("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "", "© OpenStreetMap contributors", false),
        MapTileSource.Tianditu => new(
            $"https://t{{s}}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={Uri.EscapeDataString(tiandituKey ?? "")}",
            "01234567", "© 天地图 GS(2024)0568号", false),
        MapTileSource.AMap => new("https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}", "1234", "© 高德地图", true),
        _ => new(null, "", "", false),
    };
}
