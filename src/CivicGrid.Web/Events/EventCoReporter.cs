namespace CivicGrid.Web.Events;

/// <summary>Someone who reported the same problem and joined the event: they see its progress as a reporter does.</summary>
public class EventCoReporter
{
    public long EventId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public DateTime JoinedAt { get; set; }
}
