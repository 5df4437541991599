namespace CivicGrid.Web.Events;

/// <summary>The next sequence number of a year's event numbers.</summary>
public class EventNumberCounter
{
    public int Year { get; set; }
    public int Next { get; set; }
}
