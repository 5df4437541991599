using CivicGrid.Web.Events;

namespace CivicGrid.Web.Categories;

/// <summary>How long one step of an event of this category and urgency may take.</summary>
public class CategoryDeadline
{
    public int CategoryId { get; set; }
    public EventStep Step { get; set; }
    public Urgency Urgency { get; set; }
    public int Minutes { get; set; }
}
