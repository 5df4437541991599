using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Import;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Import;

/// <summary>The import page: the proposed columns to check, the dry run's rejected rows, then the import.</summary>
public sealed class LedgerImportPageSpec : AppTest
{
    [Fact]
    public async Task A_grid_worker_checks_the_rejected_rows_on_the_page_and_then_imports()
    {
        var grid = await GridAsync("毅阳社区", 3);
        var building = await App.QueryAsync(db => db.Buildings.Where(b => b.GridId == grid).OrderBy(b => b.Id).Select(b => b.Name).FirstAsync());
        var api = await App.SignInAsync("qiumeiling");
        var upload = await api.UploadAsync(Ledgers.Xlsx(
        [
            Ledgers.Header,
            ["林志强", Ledgers.IdNumber(41), "", building, "1单元", "101", "户主", "户籍", "", ""],
            ["王秀英", Ledgers.WrongCheck(Ledgers.IdNumber(42)), "", building, "1单元", "102", "户主", "户籍", "", ""],
        ]), "台账.xlsx");
        var id = upload.GetProperty("id").GetString()!;
        var pages = await App.SignInToPagesAsync("qiumeiling");
        var page = $"/Registry/Import?id={id}";

        var mapping = await (await pages.GetAsync(page)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"map-IdNumber\"", mapping);
        Assert.DoesNotContain("data-testid=\"run-import\"", mapping);

        var checkedRun = await pages.PostFormAsync(page, $"/Registry/Import?handler=DryRun", new() { ["Id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, checkedRun.StatusCode);
        var result = await (await pages.GetAsync(page)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("校验位不符，请核对号码", result);
        Assert.Contains("data-testid=\"run-import\"", result);
        Assert.Equal(0, await App.QueryAsync(db => db.Persons.CountAsync(p => p.Name == "林志强")));

        var imported = await pages.PostFormAsync(page, $"/Registry/Import?handler=Run", new() { ["Id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        await api.FinishedAsync(id);
        Assert.Equal(1, await App.QueryAsync(db => db.Persons.CountAsync(p => p.Name == "林志强")));
        Assert.Contains("data-testid=\"download-rejections\"", await (await pages.GetAsync(page)).ShouldBePage(HttpStatusCode.OK));
    }

    [Fact]
    public async Task While_the_ledger_is_imported_the_page_shows_the_progress_and_refreshes_itself()
    {
        var grid = await GridAsync("毅阳社区", 3);
        var building = await App.QueryAsync(db => db.Buildings.Where(b => b.GridId == grid).OrderBy(b => b.Id).Select(b => b.Name).FirstAsync());
        var api = await App.SignInAsync("qiumeiling");
        var id = (await api.UploadAsync(Ledgers.Xlsx([Ledgers.Header, ["林志强", Ledgers.IdNumber(43), "", building, "1单元", "101", "户主", "户籍", "", ""]]), "台账.xlsx"))
            .GetProperty("id").GetString()!;
        await api.DryRunAsync(id);
        await App.LeaveImportAsync(id, LedgerImportStatus.Running, rowsDone: 0);
        var pages = await App.SignInToPagesAsync("qiumeiling");

        var page = await (await pages.GetAsync($"/Registry/Import?id={id}")).ShouldBePage(HttpStatusCode.OK);
        var state = await (await pages.GetAsync($"/Registry/Import?id={id}&handler=State")).ShouldBe<JsonElement>(HttpStatusCode.OK);

        Assert.Contains("已处理0行，共1行", page);
        Assert.Contains("http-equiv=\"refresh\"", page);
        Assert.Contains("/js/ledger-import.", page);
        Assert.DoesNotContain("data-testid=\"run-import\"", page);
        Assert.True(state.GetProperty("importing").GetBoolean());
        Assert.Equal("已处理0行，共1行", state.GetProperty("progress").GetString());
    }
}
