using NetTopologySuite.Geometries;

namespace CivicGrid.Web.Geography;

/// <summary>
/// The ground a grid covers (WGS-84 lon/lat; Polygon or MultiPolygon, holes allowed). Kept
/// apart from <see cref="Organisation.OrgUnit"/> so the organisation tree loads without polygons.
/// The envelope columns let the database pick the grids of a map view without spatial extensions.
/// </summary>
public class GridBoundary
{
    public int GridId { get; set; }
    public required Geometry Area { get; set; }
    public double MinLatitude { get; set; }
    public double MinLongitude { get; set; }
    public double MaxLatitude { get; set; }
    public double MaxLongitude { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static GridBoundary For(int gridId, Geometry area, DateTime nowUtc)
    {
        var boundary = new GridBoundary { GridId = gridId, Area = area };
        boundary.SetArea(area, nowUtc);
        return boundary;
    }

    public void SetArea(Geometry area, DateTime nowUtc)
    {
        Area = area;
        var envelope = area.EnvelopeInternal;
        (MinLongitude, MinLatitude, MaxLongitude, MaxLatitude) = (envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
        UpdatedAt = nowUtc;
    }
}
