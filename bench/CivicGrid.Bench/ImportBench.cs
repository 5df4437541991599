using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Web.Demo;
using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivicGrid.Bench;

/// <summary>
/// A street's ledger imported by its grid worker: a generated .xlsx of valid ID numbers spread
/// over the rooms of generated buildings in 毅阳社区 第3网格, uploaded, dry-run, imported, and
/// imported again (which must change nothing); the time of each step and the server's peak memory.
/// </summary>
public static class ImportBench
{
    private const int PersonsPerBuilding = 500;
    private static readonly string[] Relations = ["户主", "配偶", "子女", "父母"];
    private static readonly string[] Types = ["户籍", "户籍", "流动", "租户"];

    public static async Task RunAsync(string provider, string connectionString, int persons)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-import-bench-").FullName;
        var connection = connectionString.Length > 0 ? connectionString : $"Data Source={Path.Combine(folder, "bench.db")}";
        await using var host = new BenchHost(provider, connection, Path.Combine(folder, "uploads"));
        await host.StartAsync();

        var buildings = await PlantBuildingsAsync(host, (persons + PersonsPerBuilding - 1) / PersonsPerBuilding);
        var ledger = Path.Combine(folder, "ledger.xlsx");
        var write = Stopwatch.StartNew();
        await using (var file = File.Create(ledger))
        {
            await file.SaveAsAsync(Rows(persons, buildings), excelType: ExcelType.XLSX);
        }

        Console.WriteLine($"{persons:N0} persons, {buildings.Count} buildings, ledger {new FileInfo(ledger).Length / 1024.0 / 1024.0:F1} MB written in {write.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"server peak working set after start-up: {host.ServerPeakWorkingSetMegabytes():F0} MB");
        using var client = await StaffSignIn.AsAsync(host.BaseUrl, "qiumeiling");
        Console.WriteLine("| step | seconds | rows/s | result | server peak working set |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var round in new[] { "first import", "same file again" })
        {
            var clock = Stopwatch.StartNew();
            var id = await UploadAsync(client, ledger);
            Report($"upload ({round})", clock.Elapsed, persons, "", host);
            clock.Restart();
            var dry = await PostAsync(client, $"/api/v1/registry/imports/{id}/dry-run");
            Report($"dry run ({round})", clock.Elapsed, persons, Counts(dry), host);
            clock.Restart();
            await PostAsync(client, $"/api/v1/registry/imports/{id}/run");
            var run = await FinishedAsync(client, id);
            Report($"import ({round})", clock.Elapsed, persons, Counts(run), host);
        }
    }

    private static void Report(string step, TimeSpan elapsed, int persons, string result, BenchHost host) =>
        Console.WriteLine($"| {step} | {elapsed.TotalSeconds:F1} | {persons / elapsed.TotalSeconds:N0} | {result} | {host.ServerPeakWorkingSetMegabytes():F0} MB |");

    private static string Counts(JsonElement outcome)
    {
        var c = outcome.GetProperty("counts");
        return $"added {c.GetProperty("personsAdded").GetInt32():N0}, updated {c.GetProperty("personsUpdated").GetInt32():N0}, unchanged {c.GetProperty("unchanged").GetInt32():N0}, rooms {c.GetProperty("roomsAdded").GetInt32():N0}, rejected {c.GetProperty("rejected").GetInt32():N0}";
    }

    private static async Task<List<string>> PlantBuildingsAsync(BenchHost host, int count)
    {
        await using var db = host.NewDb();
        var gridId = await db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync();
        var inside = (await db.GridBoundaries.Where(b => b.GridId == gridId).Select(b => b.Area).SingleAsync()).InteriorPoint;
        var names = Enumerable.Range(1, count).Select(i => $"导入{i}号楼").ToList();
        db.Buildings.AddRange(names.Select(name => new Building
        {
            GridId = gridId,
            Name = name,
            Address = $"蓝田街道毅阳社区{name}",
            Latitude = inside.Y,
            Longitude = inside.X,
            Units = [.. Enumerable.Range(1, 3).Select(u => new BuildingUnit { Name = $"{u}单元", Order = u })],
        }));
        await db.SaveChangesAsync();
        return names;
    }

    /// <summary>Rows made as they are written, so the generator holds no more than the writer's buffer.</summary>
    private static IEnumerable<Dictionary<string, object>> Rows(int persons, List<string> buildings)
    {
        for (var i = 0; i < persons; i++)
        {
            var inBuilding = i % PersonsPerBuilding;
            var roomIndex = inBuilding / 3;
            var member = inBuilding % 3;
            yield return new Dictionary<string, object>
            {
                ["姓名"] = $"居民{i + 1}",
                ["身份证号"] = IdNumber(i),
                ["联系电话"] = $"138{i:00000000}",
                ["楼栋"] = buildings[i / PersonsPerBuilding],
                ["单元"] = $"{roomIndex % 3 + 1}单元",
                ["房号"] = $"{roomIndex / 12 + 1}{roomIndex % 12 / 3 + 1:00}",
                ["与户主关系"] = Relations[member],
                ["人口类型"] = Types[i % Types.Length],
                ["入住日期"] = new DateTime(2010, 1, 1).AddDays(i % 5000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>Unique valid numbers: a birth date and a sequence from the row, and the MOD 11-2 check character.</summary>
    private static string IdNumber(int i)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var birth = new DateOnly(1950, 1, 1).AddDays(i / 999);
        var body = $"350603{birth:yyyyMMdd}{i % 999 + 1:000}";
        var sum = body.Select((c, k) => (c - '0') * weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static async Task<string> UploadAsync(HttpClient client, string path)
    {
        using var form = new MultipartFormDataContent();
        await using var stream = File.OpenRead(path);
        var file = new StreamContent(stream);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "毅阳社区台账.xlsx");
        var response = await client.PostAsync("/api/v1/registry/imports", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body.GetProperty("id").GetString()! : throw new InvalidOperationException(body.ToString());
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException(body.ToString());
    }

    /// <summary>The import runs in the background: its state is asked for every half second until it has ended.</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient client, string id)
    {
        while (true)
        {
            var import = await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry/imports/{id}");
            switch (import.GetProperty("status").GetString())
            {
                case "Imported":
                    return import;
                case "Failed":
                    throw new InvalidOperationException(import.ToString());
            }

            await Task.Delay(500);
        }
    }
}
