using System.Globalization;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// The dashboard as an .xlsx: one sheet per table (totals, step times, each breakdown), each
/// opening with the title row (unit and period) and the table's headers in the reader's language.
/// Counts are numbers; shares are written as on the page ("80.0%", "—").
/// </summary>
public static class IndicatorWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(IndicatorReport report, IStringLocalizer text) =>
        $"{text["Indicators.Title"]}_{report.Unit.Name}_{IndicatorTables.Day(report.From)}_{IndicatorTables.Day(report.To)}.xlsx";

    public static byte[] Write(IndicatorReport report, IStringLocalizer text)
    {
        var title = text["Indicators.UnitAndPeriod", report.Unit.Name, IndicatorTables.Day(report.From), IndicatorTables.Day(report.To)].Value;
        var sheets = new Dictionary<string, object>
        {
            [SheetName(text["Indicators.Totals"])] = Sheet(title,
                [text["Indicators.Column.Indicator"], text["Indicators.Column.Value"], text["Indicators.Column.Numerator"], text["Indicators.Column.Denominator"]],
                IndicatorTables.Totals(report).Select(line => line.IsShare
                    ? new object?[] { text[line.LabelKey].Value, IndicatorTables.Percent(line.Share), line.Count.Value, line.Of!.Value }
                    : [text[line.LabelKey].Value, line.Count.Value])),
            [SheetName(text["Indicators.StepTimes"])] = Sheet(title,
                [text["Indicators.Column.Step"], text["Indicators.Column.Events"], text["Indicators.Column.AverageMinutes"], text["Indicators.Column.MedianMinutes"]],
                report.StepTimes.Select(s => new object?[] { s.Label, s.Events, s.AverageMinutes, s.MedianMinutes })),
        };
        foreach (var (_, titleKey, rowHeaderKey, rows) in IndicatorTables.Breakdowns(report))
        {
            sheets[SheetName(text[titleKey])] = Sheet(title,
                [text[rowHeaderKey], .. IndicatorTables.BreakdownColumns.Select(c => text[c.HeaderKey].Value)],
                rows.Select(r => new object?[] { r.Label }.Concat(IndicatorTables.BreakdownColumns.Select(c => c.Share is { } share ? IndicatorTables.Percent(share(r.Figures)) : (object?)c.Count(r.Figures))).ToArray()));
        }

        using var output = new MemoryStream();
        output.SaveAs(sheets, printHeader: false);
        return output.ToArray();
    }

    private static List<Dictionary<string, object?>> Sheet(string title, IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var sheet = new List<Dictionary<string, object?>>();
        void Add(IReadOnlyList<object?> cells)
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++)
            {
                row["C" + i.ToString(CultureInfo.InvariantCulture)] = i < cells.Count ? cells[i] : null;
            }

            sheet.Add(row);
        }

        Add([title]);
        Add([.. headers]);
        foreach (var row in rows)
        {
            Add(row);
        }

        return sheet;
    }

    /// <summary>Excel allows 31 characters and none of []:*?/\ in a sheet's name.</summary>
    private static string SheetName(LocalizedString name)
    {
        var clean = new string([.. name.Value.Where(c => "[]:*?/\\".IndexOf(c) < 0)]);
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
