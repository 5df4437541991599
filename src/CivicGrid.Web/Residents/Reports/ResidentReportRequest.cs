namespace CivicGrid.Web.Residents.Reports;

/// <summary>
/// A resident's report as the one-screen form sends it. The place is the browser's position or a
/// pin; a scanned QR code (<paramref name="PlaceCode"/>) stands in when there is neither.
/// </summary>
/// <param name="ContactPhone">An anonymous resident may leave a number for the callback; a signed-in one has theirs.</param>
public sealed record ResidentReportRequest(
    string? Description,
    int? CategoryId,
    double? Latitude,
    double? Longitude,
    string? Address,
    string? PlaceCode = null,
    string? ContactPhone = null);
