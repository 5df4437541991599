using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Valid;

namespace CivicGrid.Web.Geography;

/// <summary>
/// One feature of a grid file: the grid's code, name, parent community's code and area
/// (WGS-84 longitude/latitude). As read, any of them may be missing; the problems say which.
/// </summary>
public sealed record GridFeature(string? Code, string? Name, string? Parent, Geometry? Area);

public enum ProblemSeverity
{
    /// <summary>May be accepted by the administrator.</summary>
    Warning,

    /// <summary>Blocks the import.</summary>
    Error,
}

/// <summary>
/// What is wrong with a grid file, feature by feature. <paramref name="FeatureIndex"/> is the
/// feature's position in the file's "features" array, from 0 (none for the file itself or a
/// community's gap). <paramref name="Reason"/> is a text key (<c>Grid.*</c>) shown to the
/// administrator; <paramref name="Detail"/> is plain English for the record. <paramref name="Where"/>
/// marks the place on the map when there is one (overlap, gap, point of a self-intersection).
/// </summary>
public sealed record GridFileProblem(int? FeatureIndex, string? Code, ProblemSeverity Severity, string Reason, string Detail, Geometry? Where = null);

/// <summary>A grid file as read: every feature in file order, and every problem found.</summary>
public sealed record GridFileReading(IReadOnlyList<GridFeature> Features, IReadOnlyList<GridFileProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public bool HasWarnings => Problems.Any(p => p.Severity == ProblemSeverity.Warning);
}

/// <summary>The reasons a grid file can give, as text keys (texts.tsv) the administrator sees.</summary>
public static class GridFileReasons
{
    public const string NotJson = "Grid.File.NotJson";
    public const string NotFeatureCollection = "Grid.File.NotFeatureCollection";
    public const string NoFeatures = "Grid.File.NoFeatures";
    public const string NotAFeature = "Grid.NotAFeature";
    public const string MissingCode = "Grid.MissingCode";
    public const string InvalidCode = "Grid.InvalidCode";
    public const string CodeOutsideParent = "Grid.CodeOutsideParent";
    public const string MissingName = "Grid.MissingName";
    public const string MissingParent = "Grid.MissingParent";
    public const string InvalidParent = "Grid.InvalidParent";
    public const string DuplicateCode = "Grid.DuplicateCode";
    public const string MissingGeometry = "Grid.MissingGeometry";
    public const string NotPolygon = "Grid.NotPolygon";
    public const string InvalidGeometry = "Grid.InvalidGeometry";
    public const string OutOfRange = "Grid.OutOfRange";
    public const string Overlap = "Grid.Overlap";
    public const string OverlapsStored = "Grid.OverlapsStored";
    public const string Gap = "Grid.Gap";

    public static IReadOnlyList<string> All { get; } = [NotJson, NotFeatureCollection, NoFeatures, NotAFeature, MissingCode, InvalidCode, CodeOutsideParent, MissingName, MissingParent, InvalidParent, DuplicateCode, MissingGeometry, NotPolygon, InvalidGeometry, OutOfRange, Overlap, OverlapsStored, Gap];
}

/// <summary>
/// Grid files: a GeoJSON FeatureCollection (RFC 7946, WGS-84) whose features carry the
/// properties <c>code</c>, <c>name</c> and <c>parent</c> (the community's code). Read checks the
/// whole file and reports every problem instead of stopping at the first; Write produces the
/// same format for export.
/// </summary>
public static class GridFile
{
    /// <summary>
    /// Overlaps and gaps smaller than this are taken for digitising noise, not mistakes: a square
    /// metre is far below what anyone can draw on a map, and well above floating-point slivers.
    /// </summary>
    public const double NoiseSquareMetres = 1.0;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions GeoJson = new()
    {
        Converters = { new GeoJsonConverterFactory(Wgs84, false, GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.EnforceRfc9746) },
    };

    public static GridFileReading Read(string json) => Read(json, []);

    public static GridFileReading Read(Stream json) => Read(json, []);

    /// <summary>
    /// Reads a file meant to replace some of the grids already <paramref name="stored"/>: a stored
    /// grid the file leaves in place (its code is not in the file) still counts in its community,
    /// so a feature overlapping it is an error and the community's gaps are those of both together.
    /// </summary>
    public static GridFileReading Read(string json, IReadOnlyCollection<GridFeature> stored)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(() => JsonDocument.Parse(json), stored);
    }

    /// <inheritdoc cref="Read(string, IReadOnlyCollection{GridFeature})"/>
    public static GridFileReading Read(Stream json, IReadOnlyCollection<GridFeature> stored)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(() => JsonDocument.Parse(json), stored);
    }

    public static void Write(Stream output, IEnumerable<GridFeature> features)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(features);
        var collection = new FeatureCollection();
        foreach (var feature in features)
        {
            var properties = new AttributesTable
            {
                { "code", feature.Code },
                { "name", feature.Name },
                { "parent", feature.Parent },
            };
            collection.Add(new Feature(feature.Area, properties));
        }

        JsonSerializer.Serialize(output, collection, GeoJson);
    }

    public static string Write(IEnumerable<GridFeature> features)
    {
        using var output = new MemoryStream();
        Write(output, features);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static GridFileReading Read(Func<JsonDocument> parse, IReadOnlyCollection<GridFeature> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException e)
        {
            return FileProblem(GridFileReasons.NotJson, e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return FileProblem(GridFileReasons.NotFeatureCollection, "The file must be a GeoJSON object with \"type\": \"FeatureCollection\" and a \"features\" array.");
            }

            if (array.GetArrayLength() == 0)
            {
                return FileProblem(GridFileReasons.NoFeatures, "The FeatureCollection has no features.");
            }

            var features = new List<GridFeature>();
            var problems = new List<GridFileProblem>();
            foreach (var element in array.EnumerateArray())
            {
                features.Add(ReadFeature(features.Count, element, problems));
            }

            CheckCodesAreUnique(features, problems);
            var areas = ValidAreas(features, problems);
            var codes = features.Select(f => f.Code).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var kept = stored.Where(s => s is { Code: not null, Parent: not null, Area: not null } && !codes.Contains(s.Code)).ToLookup(s => s.Parent!, StringComparer.Ordinal);
            CheckOverlaps(features, areas, kept, problems);
            CheckGaps(features, areas, kept, problems);
            return new GridFileReading(features, problems.OrderBy(p => p.FeatureIndex ?? int.MaxValue).ToList());
        }
    }

    private static GridFileReading FileProblem(string reason, string detail) =>
        new([], [new GridFileProblem(null, null, ProblemSeverity.Error, reason, detail)]);

    private static GridFeature ReadFeature(int index, JsonElement element, List<GridFileProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object || Text(element, "type") != "Feature")
        {
            problems.Add(new(index, null, ProblemSeverity.Error, GridFileReasons.NotAFeature, "Each element of \"features\" must be an object with \"type\": \"Feature\"."));
            return new GridFeature(null, null, null, null);
        }

        var properties = element.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var code = properties.ValueKind == JsonValueKind.Object ? Text(properties, "code") : null;
        var name = properties.ValueKind == JsonValueKind.Object ? Text(properties, "name") : null;
        var parent = properties.ValueKind == JsonValueKind.Object ? Text(properties, "parent") : null;

        void Problem(string reason, string detail, Geometry? where = null) =>
            problems.Add(new(index, code, ProblemSeverity.Error, reason, detail, where));

        if (code is null)
        {
            Problem(GridFileReasons.MissingCode, "The feature has no \"code\" property.");
        }
        else if (!GridCode.TryParse(code, out var gridCode))
        {
            Problem(GridFileReasons.InvalidCode, $"\"{code}\" is not a grid code: 15 digits, 6 for the division, 3 each for street, community and grid, none of the last three 000.");
        }
        else if (GridCode.IsCommunityCode(parent) && !gridCode.BelongsTo(parent))
        {
            Problem(GridFileReasons.CodeOutsideParent, $"The code {code} does not begin with its parent community's code {parent}.");
        }

        if (name is null)
        {
            Problem(GridFileReasons.MissingName, "The feature has no \"name\" property.");
        }

        if (parent is null)
        {
            Problem(GridFileReasons.MissingParent, "The feature has no \"parent\" property (the community's code).");
        }
        else if (!GridCode.IsCommunityCode(parent))
        {
            Problem(GridFileReasons.InvalidParent, $"\"{parent}\" is not a community code: 12 digits, 6 for the division, 3 each for street and community.");
        }

        var area = ReadArea(element, Problem);
        return new GridFeature(code, name, parent, area);
    }

    private static Geometry? ReadArea(JsonElement feature, Action<string, string, Geometry?> problem)
    {
        if (!feature.TryGetProperty("geometry", out var json) || json.ValueKind == JsonValueKind.Null)
        {
            problem(GridFileReasons.MissingGeometry, "The feature has no geometry.", null);
            return null;
        }

        Geometry? area;
        try
        {
            area = json.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            problem(GridFileReasons.InvalidGeometry, $"The geometry cannot be read: {e.Message}", null);
            return null;
        }

        if (area is null || area.IsEmpty)
        {
            problem(GridFileReasons.MissingGeometry, "The feature's geometry is empty.", null);
            return area;
        }

        if (area is not (Polygon or MultiPolygon))
        {
            problem(GridFileReasons.NotPolygon, $"A grid must be a Polygon or MultiPolygon, not a {area.GeometryType}.", null);
            return area;
        }

        var outside = Array.Find(area.Coordinates, c => !(c.X is >= -180 and <= 180) || !(c.Y is >= -90 and <= 90));
        if (outside is not null)
        {
            problem(GridFileReasons.OutOfRange, $"The coordinate ({Degrees(outside.X)}, {Degrees(outside.Y)}) is not a WGS-84 longitude, latitude; the file may be in a projected system.", null);
            return area;
        }

        var error = new IsValidOp(area).ValidationError;
        if (error is not null)
        {
            problem(GridFileReasons.InvalidGeometry, $"{error.Message} at or near ({Degrees(error.Coordinate.X)}, {Degrees(error.Coordinate.Y)}).", Wgs84.CreatePoint(error.Coordinate));
        }

        return area;
    }

    private static void CheckCodesAreUnique(List<GridFeature> features, List<GridFileProblem> problems)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Code is { } code && !first.TryAdd(code, i))
            {
                problems.Add(new(i, code, ProblemSeverity.Error, GridFileReasons.DuplicateCode, $"Feature {first[code]} has the same code {code}."));
            }
        }
    }

    /// <summary>The features whose area passed every check, by index: only these are compared with each other.</summary>
    private static Dictionary<int, Geometry> ValidAreas(List<GridFeature> features, List<GridFileProblem> problems)
    {
        var unusable = problems.Where(p => p.Reason is GridFileReasons.MissingGeometry or GridFileReasons.InvalidGeometry or GridFileReasons.NotPolygon or GridFileReasons.OutOfRange)
            .Select(p => p.FeatureIndex).ToHashSet();
        var areas = new Dictionary<int, Geometry>();
        for (var i = 0; i < features.Count; i++)
        {
            if (!unusable.Contains(i) && features[i].Area is { } area)
            {
                areas[i] = area;
            }
        }

        return areas;
    }

    private static void CheckOverlaps(List<GridFeature> features, Dictionary<int, Geometry> areas, ILookup<string, GridFeature> kept, List<GridFileProblem> problems)
    {
        foreach (var community in ByParent(features, areas))
        {
            var tree = new STRtree<int>();
            foreach (var i in community)
            {
                tree.Insert(areas[i].EnvelopeInternal, i);
            }

            foreach (var i in community)
            {
                foreach (var j in tree.Query(areas[i].EnvelopeInternal).Where(j => j < i).Order())
                {
                    var overlap = OverlayNGRobust.Overlay(areas[j], areas[i], SpatialFunction.Intersection);
                    var squareMetres = SquareMetres(overlap);
                    if (squareMetres > NoiseSquareMetres)
                    {
                        problems.Add(new(i, features[i].Code, ProblemSeverity.Error, GridFileReasons.Overlap,
                            $"Overlaps feature {j} ({features[j].Code}) by about {Number(Math.Round(squareMetres))} m².", overlap));
                    }
                }
            }

            foreach (var grid in kept[features[community[0]].Parent!])
            {
                foreach (var i in tree.Query(grid.Area!.EnvelopeInternal).Order())
                {
                    var overlap = OverlayNGRobust.Overlay(grid.Area, areas[i], SpatialFunction.Intersection);
                    var squareMetres = SquareMetres(overlap);
                    if (squareMetres > NoiseSquareMetres)
                    {
                        problems.Add(new(i, features[i].Code, ProblemSeverity.Error, GridFileReasons.OverlapsStored,
                            $"Overlaps grid {grid.Code} ({grid.Name}), which is stored and not in this file, by about {Number(Math.Round(squareMetres))} m².", overlap));
                    }
                }
            }
        }
    }

    /// <summary>Holes in the union of a community's grids: places inside the community that none of its grids covers.</summary>
    private static void CheckGaps(List<GridFeature> features, Dictionary<int, Geometry> areas, ILookup<string, GridFeature> kept, List<GridFileProblem> problems)
    {
        foreach (var community in ByParent(features, areas))
        {
            var parent = features[community[0]].Parent!;
            var union = OverlayNGRobust.Union(community.Select(i => areas[i]).Concat(kept[parent].Select(k => k.Area!)).ToList(), Wgs84);
            for (var n = 0; n < union.NumGeometries; n++)
            {
                if (union.GetGeometryN(n) is not Polygon polygon)
                {
                    continue;
                }

                foreach (var hole in polygon.InteriorRings)
                {
                    var gap = Wgs84.CreatePolygon(hole.Coordinates);
                    var squareMetres = SquareMetres(gap);
                    if (squareMetres > NoiseSquareMetres)
                    {
                        var at = gap.InteriorPoint.Coordinate;
                        problems.Add(new(null, parent, ProblemSeverity.Warning, GridFileReasons.Gap,
                            $"A gap of about {Number(Math.Round(squareMetres))} m² inside community {parent}, around ({Degrees(at.X)}, {Degrees(at.Y)}), belongs to none of its grids.", gap));
                    }
                }
            }
        }
    }

    private static IEnumerable<List<int>> ByParent(List<GridFeature> features, Dictionary<int, Geometry> areas) =>
        areas.Keys.Where(i => features[i].Parent is not null)
            .GroupBy(i => features[i].Parent, StringComparer.Ordinal)
            .Select(g => g.Order().ToList());

    /// <summary>Area in square metres of a small lon/lat geometry, scaled at its own latitude.</summary>
    private static double SquareMetres(Geometry geometry) =>
        geometry.IsEmpty ? 0 : LocalScale.At(geometry.EnvelopeInternal.Centre.Y).SquareMetres(geometry.Area);

    /// <summary>A string property, or a number's digits (codes typed into spreadsheets become numbers); blank is missing.</summary>
    private static string? Text(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seven decimals of a degree: about a centimetre.</summary>
    private static string Degrees(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
