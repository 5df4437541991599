using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using MiniExcelLibs;

namespace CivicGrid.Tests.Registry.Import;

/// <summary>Ledger files as communities keep them, and the import's API steps.</summary>
public static class Ledgers
{
    public static readonly string[] Header = ["姓名", "公民身份号码", "手机", "楼号", "单元", "室", "与户主关系", "居住类型", "迁入日期", "特殊人群"];

    /// <summary>A valid citizen ID number of 龙文区: division, birth date, sequence and its MOD 11-2 check character.</summary>
    public static string IdNumber(int sequence, string birth = "19800101")
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var body = $"350603{birth}{sequence % 1000:000}";
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WrongCheck(string idNumber) => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

    public static byte[] Xlsx(IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(row => row.Select((cell, i) => (Key: ((char)('A' + i)).ToString(), Value: (object)cell)).ToDictionary(c => c.Key, c => c.Value)),
            printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static async Task<JsonElement> UploadAsync(this HttpClient client, byte[] content, string fileName, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/api/v1/registry/imports", form);
        if (expected != HttpStatusCode.Created)
        {
            return await response.ShouldBeProblem(expected);
        }

        return await response.ShouldBe<JsonElement>(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> DryRunAsync(this HttpClient client, string id) =>
        await (await client.PostAsync($"/api/v1/registry/imports/{id}/dry-run", null)).ShouldBe<JsonElement>(HttpStatusCode.OK);

    public static async Task<JsonElement> RunAsync(this HttpClient client, string id) =>
        await (await client.PostAsync($"/api/v1/registry/imports/{id}/run", null)).ShouldBe<JsonElement>(HttpStatusCode.OK);

    public static int Count(this JsonElement outcome, string name) => outcome.GetProperty("counts").GetProperty(name).GetInt32();

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
