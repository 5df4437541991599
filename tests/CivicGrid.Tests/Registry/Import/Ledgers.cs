using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Import;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Starts the import (202 with the import's URL) and follows it until it has ended; the import as it ended.</summary>
    public static async Task<JsonElement> RunAsync(this HttpClient client, string id)
    {
        var started = await client.PostAsync($"/api/v1/registry/imports/{id}/run", null);
        Assert.Equal($"/api/v1/registry/imports/{id}", started.Headers.Location?.OriginalString);
        await started.ShouldBe<JsonElement>(HttpStatusCode.Accepted);
        var ended = await client.FinishedAsync(id);
        Assert.Equal("Imported", ended.GetProperty("status").GetString());
        return ended;
    }

    /// <summary>The import once it is no longer queued or running; a deadline, not a sleep, bounds the wait.</summary>
    public static async Task<JsonElement> FinishedAsync(this HttpClient client, string id)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var import = await (await client.GetAsync($"/api/v1/registry/imports/{id}", deadline.Token)).ShouldBe<JsonElement>(HttpStatusCode.OK);
            if (import.GetProperty("status").GetString() is not ("Queued" or "Running"))
            {
                return import;
            }

            await Task.Delay(25, deadline.Token);
        }
    }

    /// <summary>The import as a server stopped in the middle of it leaves it in its job file.</summary>
    public static async Task LeaveImportAsync(this CivicGridFactory app, string id, LedgerImportStatus status, int rowsDone)
    {
        var imports = app.Services.GetRequiredService<LedgerImports>();
        var job = (await imports.LoadAsync(id, CancellationToken.None))!;
        job.RowsTotal = job.Counts?.Rows;
        job.Counts = null;
        job.Status = status;
        job.RowsDone = rowsDone;
        job.QueuedAt = app.Clock.GetUtcNow().UtcDateTime;
        await imports.SaveAsync(job, CancellationToken.None);
    }

    /// <summary>The import in its job file once the worker of <paramref name="host"/> has ended it.</summary>
    public static async Task<LedgerImportJob> EndedAsync(this WebApplicationFactory<Program> host, string id)
    {
        var imports = host.Services.GetRequiredService<LedgerImports>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await imports.LoadAsync(id, deadline.Token) is { IsImporting: false } job)
            {
                return job;
            }

            await Task.Delay(25, deadline.Token);
        }
    }

    public static int Count(this JsonElement outcome, string name) => outcome.GetProperty("counts").GetProperty(name).GetInt32();

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
