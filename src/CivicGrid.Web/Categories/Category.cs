namespace CivicGrid.Web.Categories;

/// <summary>
/// An event category. <see cref="Name"/> is the professional term, <see cref="PlainName"/>
/// what residents and grid workers call it.
/// </summary>
public class Category
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string PlainName { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The major category this one belongs to; null for a major category.</summary>
    public int? ParentId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Its deadlines count working days only (工作日), see <see cref="Calendar.WorkingCalendar"/>; otherwise calendar time.</summary>
    public bool WorkingTime { get; set; }
    public List<CategoryDeadline> Deadlines { get; set; } = [];
}
