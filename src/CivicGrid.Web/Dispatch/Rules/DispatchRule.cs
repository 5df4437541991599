namespace CivicGrid.Web.Dispatch.Rules;

/// <summary>What a matching rule does when a centre registers an event.</summary>
public enum DispatchMode
{
    /// <summary>自动派遣: dispatched at once, in the registration's own transaction.</summary>
    Automatic = 1,
    /// <summary>仅建议: the event waits in the queue with the rule's departments offered.</summary>
    Suggest = 2,
}

/// <summary>
/// 分拨规则: a category (a minor one, or a major one meaning its whole branch) in an area (a
/// street, a community or the whole district) goes to a lead department, with optional
/// assisting departments. Precedence is in <see cref="DispatchRuleBook"/>.
/// </summary>
public class DispatchRule
{
    public int Id { get; set; }
    public int CategoryId { get; set; }
    /// <summary>A street, community or district.</summary>
    public int AreaId { get; set; }
    public int LeadDepartmentId { get; set; }
    public List<int> AssistDepartmentIds { get; set; } = [];
    public DispatchMode Mode { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
