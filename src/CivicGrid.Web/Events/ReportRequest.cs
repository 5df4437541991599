namespace CivicGrid.Web.Events;

/// <summary>A new event, as staff report it. Photos come with the page form or through the attachments endpoint.</summary>
public sealed record ReportRequest(
    string? Title,
    string? Description,
    int? CategoryId,
    Urgency? Urgency,
    double? Latitude,
    double? Longitude,
    string? Address,
    int? CommunityId,
    int? GridId,
    EventSource? Source);
