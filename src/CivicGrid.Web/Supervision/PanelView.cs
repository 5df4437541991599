namespace CivicGrid.Web.Supervision;

/// <summary>What the supervision panel of an event page renders: the orders, and a refused form with its errors.</summary>
public sealed record PanelView(SupervisionPanel Panel, PanelRefusal? Refusal = null)
{
    /// <summary>The refusal when it belongs to this form (issue: no order id), else none.</summary>
    public PanelRefusal? For(string form, long? orderId = null) =>
        Refusal is { } refusal && refusal.Form == form && refusal.OrderId == orderId ? refusal : null;
}

/// <summary>A form the server refused: which one, why, and what was typed, so it is shown again beside the errors.</summary>
public sealed record PanelRefusal(string Form, long? OrderId, string Message, IReadOnlyDictionary<string, string[]> FieldErrors, string? Note, string? Deadline)
{
    public IReadOnlyList<string> ErrorsOf(string field) => FieldErrors.TryGetValue(field, out var errors) ? errors : [];
}
