using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CivicGrid.Web.Registry.Import;

public enum LedgerFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// Reads a ledger row by row, never the whole file at once: a street's ledger has a hundred
/// thousand rows. Every cell comes as text, the way the user sees it in Excel.
/// </summary>
public static class LedgerFile
{
    public static LedgerFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => LedgerFormat.Xlsx,
        ".csv" => LedgerFormat.Csv,
        _ => null,
    };

    /// <summary>The rows, the header row first; an empty file has none.</summary>
    public static IEnumerable<string[]> Rows(string path, LedgerFormat format) =>
        format == LedgerFormat.Xlsx ? XlsxRows(path) : CsvRows(path);

    private static IEnumerable<string[]> XlsxRows(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            yield return row.Values.Select(Cell).ToArray();
        }
    }

    private static IEnumerable<string[]> CsvRows(string path)
    {
        using var reader = new StreamReader(path, EncodingOf(path), detectEncodingFromByteOrderMarks: false);
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = false });
        while (csv.Read())
        {
            var row = new string[csv.RowFieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = csv.GetString(i).Trim();
            }

            yield return row;
        }
    }

    /// <summary>
    /// UTF-8 (with or without its byte order mark) when every byte reads as UTF-8, else GB18030:
    /// Excel in Chinese saves CSV as GBK, which GB18030 includes.
    /// </summary>
    public static Encoding EncodingOf(string path)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var decoder = strict.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[strict.GetMaxCharCount(bytes.Length)];
        using var stream = File.OpenRead(path);
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }

        stream.Position = 0;
        Span<byte> start = stackalloc byte[3];
        var bom = stream.Read(start) == 3 && start.SequenceEqual(Encoding.UTF8.Preamble);
        return bom ? new UTF8Encoding(true) : new UTF8Encoding(false);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
