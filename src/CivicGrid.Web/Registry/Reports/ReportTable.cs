namespace CivicGrid.Web.Registry.Reports;

/// <summary>A computed report: title, unit and day, the column headers with what each counts, one row per dimension value and the 合计 row.</summary>
public sealed record ReportTable(
    int TemplateId,
    string Title,
    int UnitId,
    string UnitName,
    DateOnly Date,
    string RowHeader,
    IReadOnlyList<ReportTableColumn> Columns,
    IReadOnlyList<ReportTableRow> Rows,
    ReportTableRow Total,
    IReadOnlyList<string> Notes);

/// <summary>A column's header and, in words, what it counts (the footnote).</summary>
public sealed record ReportTableColumn(string Header, string Definition);

public sealed record ReportTableRow(string Label, IReadOnlyList<int> Values);

/// <summary>A template as the list of reports shows it.</summary>
public sealed record ReportTemplateView(int Id, string Name, string? Description, bool IsStandard, bool IsActive, ReportDefinition Definition);
