namespace CivicGrid.Web.Events;

/// <summary>
/// A new event, as staff report it. Its coordinates decide the grid, community and street; a
/// building (from its QR code or a picked address) is kept alongside. Photos come with the page
/// form or through the attachments endpoint.
/// </summary>
public sealed record ReportRequest(
    string? Title,
    string? Description,
    int? CategoryId,
    Urgency? Urgency,
    double? Latitude,
    double? Longitude,
    string? Address,
    EventSource? Source,
    int? BuildingId = null,
    int? BuildingUnitId = null);
