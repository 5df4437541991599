using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Import;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Import;

/// <summary>
/// 台账导入 as a grid worker does it: upload the community's Excel ledger, check the proposed
/// columns, dry-run to see every row that would be rejected, import, and import the same file
/// again next month without it changing anything.
/// </summary>
public sealed class LedgerImportSpec : AppTest
{
    private async Task<(string Mine, string Other)> BuildingsAsync()
    {
        var mine = await GridAsync("毅阳社区", 3);
        var other = await GridAsync("毅阳社区", 1);
        return await App.QueryAsync(async db => (
            await db.Buildings.Where(b => b.GridId == mine).OrderBy(b => b.Id).Select(b => b.Name).FirstAsync(),
            await db.Buildings.Where(b => b.GridId == other).OrderBy(b => b.Id).Select(b => b.Name).FirstAsync()));
    }

    private Task<(int Persons, int Residences, int Rooms, int Households, int Changes)> CountsAsync() => App.QueryAsync(async db => (
        await db.Persons.CountAsync(), await db.Residences.CountAsync(), await db.Rooms.CountAsync(), await db.Households.CountAsync(), await db.RegistryChanges.CountAsync()));

    [Fact]
    public async Task Columns_are_proposed_from_the_ledgers_Chinese_headers()
    {
        var worker = await App.SignInAsync("qiumeiling");
        var upload = await worker.UploadAsync(Ledgers.Xlsx([[.. Ledgers.Header, "户号", "备注"]]), "毅阳3网格台账.xlsx");

        var mapping = upload.GetProperty("mapping").Deserialize<Dictionary<string, int>>()!;
        Assert.Equal(new Dictionary<string, int>
        {
            ["Name"] = 0,
            ["IdNumber"] = 1,
            ["Phone"] = 2,
            ["Building"] = 3,
            ["Unit"] = 4,
            ["Room"] = 5,
            ["Relation"] = 6,
            ["Type"] = 7,
            ["MovedInOn"] = 8,
            ["CareTags"] = 9,
            ["HouseholdNumber"] = 10,
        }, mapping);
        Assert.Equal("备注", upload.GetProperty("headers")[11].GetString());
    }

    [Fact]
    public async Task The_dry_run_lists_every_rejected_row_with_its_reason_and_writes_nothing()
    {
        await App.ClearRegistryAsync();
        var (building, other) = await BuildingsAsync();
        var worker = await App.SignInAsync("qiumeiling");
        var good = Ledgers.IdNumber(11);
        string[][] rows =
        [
            Ledgers.Header,
            ["林志强", good, "13805951111", building, "1单元", "101", "户主", "户籍", "2015-03-01", "低保"],
            ["王秀英", Ledgers.WrongCheck(Ledgers.IdNumber(12)), "", building, "1单元", "102", "户主", "户籍", "", ""],
            ["陈建华", Ledgers.IdNumber(13), "", building, "1单元", "103", "户主", "流动", "2015-13-45", ""],
            ["张丽", Ledgers.IdNumber(14), "", other, "1单元", "201", "户主", "租户", "", ""],
            ["林志强", good, "", building, "1单元", "101", "户主", "户籍", "", ""],
        ];
        var before = await CountsAsync();
        var upload = await worker.UploadAsync(Ledgers.Xlsx(rows), "台账.xlsx");

        var outcome = await worker.DryRunAsync(upload.GetProperty("id").GetString()!);

        Assert.Equal(5, outcome.Count("rows"));
        Assert.Equal(1, outcome.Count("personsAdded"));
        Assert.Equal(1, outcome.Count("roomsAdded"));
        Assert.Equal(4, outcome.Count("rejected"));
        var rejections = outcome.GetProperty("rejections").EnumerateArray()
            .Select(r => (Row: r.GetProperty("row").GetInt32(), Column: r.GetProperty("column").GetString(), Reason: r.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal(
            [
                (3, "公民身份号码", "校验位不符，请核对号码"),
                (4, "迁入日期", "日期“2015-13-45”无法识别，请写成 2024-03-15"),
                (5, "楼号", $"您的网格范围内没有楼栋“{other}”"),
                (6, "公民身份号码", "身份证号与第2行重复"),
            ], rejections);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Importing_the_same_ledger_again_changes_nothing()
    {
        await App.ClearRegistryAsync();
        var (building, _) = await BuildingsAsync();
        var worker = await App.SignInAsync("qiumeiling");
        string[][] rows =
        [
            [.. Ledgers.Header, "户号"],
            ["林志强", Ledgers.IdNumber(21), "13805952222", building, "1单元", "301", "户主", "户籍", "2015-03-01", "低保、独居老人", "H1"],
            ["黄美玲", Ledgers.IdNumber(22, "19820202"), "", building, "1单元", "301", "配偶", "户籍", "2015-03-01", "", "H1"],
            ["郑浩", Ledgers.IdNumber(23, "19950505"), "", building, "1单元", "301", "非亲属", "租户", "2021-09-01", "", "H2"],
            ["吴敏", Ledgers.IdNumber(24, "19900909"), "", building, "2单元", "502", "", "流动", "", "", ""],
        ];
        var file = Ledgers.Xlsx(rows);
        var before = await CountsAsync();

        var first = await worker.UploadAsync(file, "台账.xlsx");
        var id = first.GetProperty("id").GetString()!;
        await (await worker.PostAsync($"/api/v1/registry/imports/{id}/run", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(4, (await worker.DryRunAsync(id)).Count("personsAdded"));
        var imported = await worker.RunAsync(id);

        Assert.Equal(4, imported.Count("personsAdded"));
        Assert.Equal(2, imported.Count("roomsAdded"));
        Assert.Equal(0, imported.Count("rejected"));
        var after = await CountsAsync();
        Assert.Equal((before.Persons + 4, before.Residences + 4, before.Rooms + 2, before.Households + 3), (after.Persons, after.Residences, after.Rooms, after.Households));
        var room = await App.QueryAsync(db => db.Rooms.Include(r => r.Households).ThenInclude(h => h.Residences).SingleAsync(r => r.Number == "301"));
        Assert.Equal(RoomUse.OwnerOccupied, room.Use);
        Assert.Equal([1, 2], room.Households.Select(h => h.Residences.Count).Order());
        var changes = await App.QueryAsync(db => db.RegistryChanges.Where(c => c.Source == "导入 台账.xlsx").CountAsync());
        Assert.Equal(after.Changes - before.Changes, changes);

        var again = await worker.UploadAsync(file, "台账.xlsx");
        var againId = again.GetProperty("id").GetString()!;
        Assert.Equal(4, (await worker.DryRunAsync(againId)).Count("unchanged"));
        var second = await worker.RunAsync(againId);

        Assert.Equal((0, 0, 4, 0), (second.Count("personsAdded"), second.Count("personsUpdated"), second.Count("unchanged"), second.Count("roomsAdded")));
        Assert.Equal(after, await CountsAsync());
    }

    [Fact]
    public async Task A_GBK_csv_saved_by_Chinese_Excel_is_read()
    {
        var (building, _) = await BuildingsAsync();
        var worker = await App.SignInAsync("qiumeiling");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = $"姓名,身份证号,联系电话,楼栋,单元,房号,与户主关系,人口类型\r\n欧阳慧,{Ledgers.IdNumber(31)},13805953333,{building},3单元,601,户主,户籍\r\n";

        var upload = await worker.UploadAsync(Encoding.GetEncoding("GB18030").GetBytes(csv), "台账.csv");
        await worker.DryRunAsync(upload.GetProperty("id").GetString()!);
        var imported = await worker.RunAsync(upload.GetProperty("id").GetString()!);

        Assert.Equal(1, imported.Count("personsAdded"));
        Assert.True(await App.QueryAsync(db => db.Persons.AnyAsync(p => p.Name == "欧阳慧" && p.PhoneMasked != null)));
    }

    [Fact]
    public async Task Bad_files_and_mappings_are_refused_as_problems()
    {
        var worker = await App.SignInAsync("qiumeiling");

        using (var empty = new MultipartFormDataContent())
        {
            await (await worker.PostAsync("/api/v1/registry/imports", empty)).ShouldBeProblem(HttpStatusCode.BadRequest);
        }

        await worker.UploadAsync([1, 2, 3], "台账.docx", HttpStatusCode.BadRequest);
        await worker.UploadAsync(Encoding.UTF8.GetBytes(",,\r\n"), "台账.csv", HttpStatusCode.BadRequest);
        var upload = await worker.UploadAsync(Ledgers.Xlsx([Ledgers.Header]), "台账.xlsx");
        var id = upload.GetProperty("id").GetString()!;

        var problem = await (await worker.PutAsJsonAsync($"/api/v1/registry/imports/{id}/mapping", new { mapping = new { Name = 0, IdNumber = 1, Building = 3 } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("Room", out _));
        var other = await App.SignInAsync("chenliting");
        await (await other.GetAsync($"/api/v1/registry/imports/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_import_runs_in_the_background_as_its_starter_and_ends_with_the_dry_runs_counts()
    {
        await App.ClearRegistryAsync();
        var (building, _) = await BuildingsAsync();
        var worker = await App.SignInAsync("qiumeiling");
        var id = (await worker.UploadAsync(Ledgers.Xlsx(
        [
            Ledgers.Header,
            ["林志强", Ledgers.IdNumber(51), "", building, "1单元", "101", "户主", "户籍", "", ""],
            ["黄美玲", Ledgers.IdNumber(52), "", building, "1单元", "101", "配偶", "户籍", "", ""],
            ["王秀英", Ledgers.WrongCheck(Ledgers.IdNumber(53)), "", building, "1单元", "102", "户主", "户籍", "", ""],
        ]), "台账.xlsx")).GetProperty("id").GetString()!;
        var dry = await worker.DryRunAsync(id);

        var started = await worker.PostAsync($"/api/v1/registry/imports/{id}/run", null);
        var queued = await started.ShouldBe<JsonElement>(HttpStatusCode.Accepted);
        var ended = await worker.FinishedAsync(id);

        Assert.Equal($"/api/v1/registry/imports/{id}", started.Headers.Location?.OriginalString);
        Assert.Equal("Queued", queued.GetProperty("status").GetString());
        Assert.Equal(3, queued.GetProperty("rowsTotal").GetInt32());
        Assert.Equal("Imported", ended.GetProperty("status").GetString());
        Assert.Equal(3, ended.GetProperty("rowsDone").GetInt32());
        Assert.Equal(dry.GetProperty("counts").GetRawText(), ended.GetProperty("counts").GetRawText());
        var starter = await App.QueryAsync(db => db.Users.Where(u => u.UserName == "qiumeiling").Select(u => u.Id).SingleAsync());
        var authors = await App.QueryAsync(db => db.RegistryChanges.Where(c => c.Source == "导入 台账.xlsx").Select(c => c.ById).Distinct().ToListAsync());
        Assert.Equal([starter], authors);
    }

    [Fact]
    public async Task A_ledger_being_imported_cannot_be_run_again_remapped_or_checked()
    {
        var (building, _) = await BuildingsAsync();
        var worker = await App.SignInAsync("qiumeiling");
        var id = (await worker.UploadAsync(Ledgers.Xlsx([Ledgers.Header, ["林志强", Ledgers.IdNumber(54), "", building, "1单元", "101", "户主", "户籍", "", ""]]), "台账.xlsx"))
            .GetProperty("id").GetString()!;
        await worker.DryRunAsync(id);
        await App.LeaveImportAsync(id, LedgerImportStatus.Running, rowsDone: 0);
        var before = await CountsAsync();

        var again = await (await worker.PostAsync($"/api/v1/registry/imports/{id}/run", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await worker.PostAsync($"/api/v1/registry/imports/{id}/dry-run", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await worker.PutAsJsonAsync($"/api/v1/registry/imports/{id}/mapping", new { mapping = new { Name = 0, IdNumber = 1, Building = 3, Room = 5 } }))
            .ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal("这份台账正在导入，请等导入结束", again.GetProperty("detail").GetString());
        Assert.Equal("Running", (await (await worker.GetAsync($"/api/v1/registry/imports/{id}")).ShouldBe<JsonElement>(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_import_a_stopped_server_left_running_is_finished_when_the_server_starts_again()
    {
        await App.ClearRegistryAsync();
        var (building, _) = await BuildingsAsync();
        var worker = await App.SignInAsync("qiumeiling");
        var id = (await worker.UploadAsync(Ledgers.Xlsx(
        [
            Ledgers.Header,
            ["林志强", Ledgers.IdNumber(55), "", building, "1单元", "101", "户主", "户籍", "", ""],
            ["黄美玲", Ledgers.IdNumber(56), "", building, "1单元", "102", "户主", "户籍", "", ""],
        ]), "台账.xlsx")).GetProperty("id").GetString()!;
        await worker.DryRunAsync(id);
        await App.LeaveImportAsync(id, LedgerImportStatus.Running, rowsDone: 1);

        await using var restarted = App.WithWebHostBuilder(_ => { });
        var ended = await restarted.EndedAsync(id);

        Assert.Equal(LedgerImportStatus.Imported, ended.Status);
        Assert.Equal(2, ended.Counts!.PersonsAdded);
        Assert.Equal(2, await App.QueryAsync(db => db.Persons.CountAsync(p => p.Name == "林志强" || p.Name == "黄美玲")));
    }

    [Fact]
    public async Task An_import_whose_starter_was_disabled_before_it_ran_fails_with_the_reason_and_writes_nothing()
    {
        var (building, _) = await BuildingsAsync();
        var worker = await App.SignInAsync("qiumeiling");
        var id = (await worker.UploadAsync(Ledgers.Xlsx([Ledgers.Header, ["林志强", Ledgers.IdNumber(57), "", building, "1单元", "101", "户主", "户籍", "", ""]]), "台账.xlsx"))
            .GetProperty("id").GetString()!;
        await worker.DryRunAsync(id);
        await App.LeaveImportAsync(id, LedgerImportStatus.Queued, rowsDone: 0);
        await App.QueryAsync(db => db.Users.Where(u => u.UserName == "qiumeiling").ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        var before = await CountsAsync();

        await using var restarted = App.WithWebHostBuilder(_ => { });
        var ended = await restarted.EndedAsync(id);

        Assert.Equal(LedgerImportStatus.Failed, ended.Status);
        Assert.Equal("Registry.Import.StarterGone", ended.Failure!.Key);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_department_without_registry_grants_is_refused()
    {
        var department = await App.SignInAsync("liuqiang");

        await department.UploadAsync(Ledgers.Xlsx([Ledgers.Header]), "台账.xlsx", HttpStatusCode.Forbidden);
    }
}
