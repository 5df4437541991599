using System.Globalization;
using MiniExcelLibs;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// A report as the standard .xlsx: the title row, the unit and date row, the column headers, the
/// rows, 合计, the column definitions and the 制表单位/制表日期 footer.
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ReportTable table) =>
        $"{table.Title}_{table.UnitName}_{table.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";

    public static byte[] Write(ReportTable table, string unitAndDate, string footer)
    {
        var width = table.Columns.Count + 1;
        var sheet = new List<Dictionary<string, object?>>();
        void Add(params object?[] cells)
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++)
            {
                row[ColumnName(i)] = i < cells.Length ? cells[i] : null;
            }

            sheet.Add(row);
        }

        Add(table.Title);
        Add(unitAndDate);
        Add([table.RowHeader, .. table.Columns.Select(c => c.Header)]);
        foreach (var row in table.Rows)
        {
            Add([row.Label, .. row.Values.Cast<object?>()]);
        }

        Add([table.Total.Label, .. table.Total.Values.Cast<object?>()]);
        foreach (var column in table.Columns)
        {
            Add($"{column.Header}：{column.Definition}");
        }

        foreach (var note in table.Notes)
        {
            Add(note);
        }

        Add(footer);
        using var output = new MemoryStream();
        output.SaveAs(sheet, printHeader: false, sheetName: table.Title.Length <= 31 ? table.Title : table.Title[..31]);
        return output.ToArray();
    }

    private static string ColumnName(int index) => "C" + index.ToString(CultureInfo.InvariantCulture);
}
