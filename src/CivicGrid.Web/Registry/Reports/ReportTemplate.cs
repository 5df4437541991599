namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// 报表模板 of 一表通: which rows, which counted columns, under which filters. The definition is
/// data (<see cref="ReportDefinition"/> as JSON), so administrators add templates without code.
/// </summary>
public class ReportTemplate
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Planted by the platform (<see cref="StandardReports"/>); administrators may still edit or retire it.</summary>
    public bool IsStandard { get; set; }
    public required string Definition { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>A retired template is no longer offered; its definition stays.</summary>
    public bool IsActive { get; set; } = true;
}
