using CivicGrid.Web.Events;

namespace CivicGrid.Web.Categories;

/// <summary>
/// An event category: a major category (大类, no parent) groups minor ones (小类), and events
/// belong to a minor. <see cref="Name"/> is the professional term, <see cref="PlainName"/> what
/// residents and grid workers call it; synonyms, examples and pinyin initials let them find it
/// in their own words.
/// </summary>
public class Category
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string PlainName { get; set; }
    public required string NameEn { get; set; }
    public List<string> Synonyms { get; set; } = [];
    public List<string> Examples { get; set; } = [];
    /// <summary>Pinyin initials of the names and synonyms, space separated ("jgqs jg xsdgz"), for typing "jg".</summary>
    public string Initials { get; set; } = string.Empty;
    public Urgency DefaultUrgency { get; set; } = Urgency.Normal;
    public bool IsActive { get; set; } = true;
    /// <summary>Its deadlines count working days only (工作日), see <see cref="Calendar.WorkingCalendar"/>; otherwise calendar time.</summary>
    public bool WorkingTime { get; set; }
    public List<CategoryDeadline> Deadlines { get; set; } = [];
}
