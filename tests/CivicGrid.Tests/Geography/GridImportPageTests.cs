using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Geography;

/// <summary>
/// The import page keeps the uploaded file on the server between preview and confirmation; the
/// confirmation sends back only the file's token, and the server reads and checks the file again.
/// </summary>
public sealed partial class GridImportPageTests : AppTest
{
    [Fact]
    public async Task An_upload_is_previewed_and_imported_only_when_confirmed()
    {
        var api = await App.SignInAsync("admin");
        var (file, _) = await GridImportTests.CarveNewGridAsync(api);
        var admin = await App.SignInToPagesAsync("admin");

        var token = await UploadAsync(admin, file);
        var preview = await admin.GetStringAsync($"/Geography/GridImport?upload={token}");

        Assert.Contains("data-testid=\"import-preview\"", preview);
        Assert.Contains("data-testid=\"no-problems\"", preview);
        Assert.Contains("data-action=\"Create\"", preview);
        Assert.Contains("将在“毅阳社区”下新建网格", preview);
        Assert.Contains("data-testid=\"confirm-import\"", preview);
        Assert.False(await NewGridExistsAsync());

        var imported = await admin.PostFormAsync($"/Geography/GridImport?upload={token}", "/Geography/GridImport?handler=Import", new() { ["Upload"] = token });

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal("/Geography/GridImport?created=1&updated=1&unchanged=3", imported.Headers.Location?.OriginalString);
        Assert.True(await NewGridExistsAsync());
        Assert.Contains("导入完成：新建 1，更新 1，无变化 3", await admin.GetStringAsync(imported.Headers.Location!.OriginalString));
        // The kept file is gone once imported: the same token imports nothing again.
        var again = await admin.PostFormAsync("/Geography/GridImport", "/Geography/GridImport?handler=Import", new() { ["Upload"] = token });
        await again.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_confirmation_checks_the_file_again_against_the_platform_as_it_is_then()
    {
        var api = await App.SignInAsync("admin");
        var (file, _) = await GridImportTests.CarveNewGridAsync(api);
        var admin = await App.SignInToPagesAsync("admin");
        var token = await UploadAsync(admin, file);
        Assert.Contains("data-testid=\"confirm-import\"", await admin.GetStringAsync($"/Geography/GridImport?upload={token}"));

        // Meanwhile the new grid's code is given to another unit.
        await api.CreateUnitAsync("Grid", "檀林第9网格", "350603001001005", await UnitAsync("檀林社区"));
        var refused = await admin.PostFormAsync($"/Geography/GridImport?upload={token}", "/Geography/GridImport?handler=Import", new() { ["Upload"] = token });

        await refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("文件有 1 处错误，未导入任何内容", page);
        Assert.Contains("data-reason=\"Grid.Import.CodeTaken\"", page);
        Assert.False(await App.QueryAsync(db => db.OrgUnits.AnyAsync(u => u.Name == "第5网格")));
    }

    [Fact]
    public async Task Warnings_need_the_box_ticked_on_the_page_too()
    {
        var api = await App.SignInAsync("admin");
        var yiyang = await GridImportTests.ExportedAsync(api, "350603001001");
        var area = yiyang[1].Area!;
        var file = GridFile.Write([yiyang[1] with { Area = area.Difference(GridImportTests.Square(area.InteriorPoint.Coordinate, 0.0004)) }]);
        var admin = await App.SignInToPagesAsync("admin");
        var token = await UploadAsync(admin, file);
        Assert.Contains("data-testid=\"accept-warnings\"", await admin.GetStringAsync($"/Geography/GridImport?upload={token}"));
        var before = await App.QueryAsync(db => db.GridBoundaries.Select(b => b.UpdatedAt).MaxAsync());
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        var refused = await admin.PostFormAsync($"/Geography/GridImport?upload={token}", "/Geography/GridImport?handler=Import", new() { ["Upload"] = token });
        await refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await App.QueryAsync(db => db.GridBoundaries.Select(b => b.UpdatedAt).MaxAsync()));

        var accepted = await admin.PostFormAsync($"/Geography/GridImport?upload={token}", "/Geography/GridImport?handler=Import", new() { ["Upload"] = token, ["AcceptWarnings"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.NotEqual(before, await App.QueryAsync(db => db.GridBoundaries.Select(b => b.UpdatedAt).MaxAsync()));
    }

    [Fact]
    public async Task An_upload_belongs_to_its_administrator_and_expires()
    {
        var api = await App.SignInAsync("admin");
        await api.CreateAccountAsync("admin2", "Administrator", await UnitAsync("龙文区"));
        var (file, _) = await GridImportTests.CarveNewGridAsync(api);
        var admin = await App.SignInToPagesAsync("admin");
        var token = await UploadAsync(admin, file);

        var other = await App.SignInToPagesAsync("admin2", "Start@2026");
        Assert.Contains("预览已过期或不存在", await other.GetStringAsync($"/Geography/GridImport?upload={token}"));
        await (await other.PostFormAsync("/Geography/GridImport", "/Geography/GridImport?handler=Import", new() { ["Upload"] = token })).ShouldBe(HttpStatusCode.Conflict);

        App.Clock.Advance(GridImportUploads.Lifetime);
        Assert.Contains("预览已过期或不存在", await admin.GetStringAsync($"/Geography/GridImport?upload={token}"));
        await (await admin.PostFormAsync("/Geography/GridImport", "/Geography/GridImport?handler=Import", new() { ["Upload"] = token })).ShouldBe(HttpStatusCode.Conflict);
        Assert.False(await NewGridExistsAsync());
    }

    [Fact]
    public async Task A_broken_file_is_shown_with_its_problems_and_cannot_be_confirmed()
    {
        var admin = await App.SignInToPagesAsync("admin");

        var token = await UploadAsync(admin, "not json at all");
        var preview = await admin.GetStringAsync($"/Geography/GridImport?upload={token}");

        Assert.Contains("data-reason=\"Grid.File.NotJson\"", preview);
        Assert.Contains("文件不是有效的 JSON", preview);
        Assert.Contains("data-testid=\"import-blocked\"", preview);
        Assert.DoesNotContain("data-testid=\"confirm-import\"", preview);
    }

    [Fact]
    public async Task The_export_button_downloads_the_same_file_as_the_api()
    {
        var api = await App.SignInAsync("admin");
        var admin = await App.SignInToPagesAsync("admin");

        var download = await admin.GetAsync("/Geography/GridImport?handler=Export");

        await download.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/geo+json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await api.GetStringAsync("/api/v1/admin/grids/export"), await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_community_head_gets_the_forbidden_page()
    {
        var head = await App.SignInToPagesAsync("chenliting");

        await (await head.GetAsync("/Geography/GridImport")).ShouldBeForbiddenPage();
        await (await head.GetAsync("/Geography/GridImport?handler=Export")).ShouldBeForbiddenPage();
    }

    /// <summary>Posts the file through the upload form and returns the token the page redirects to.</summary>
    private static async Task<string> UploadAsync(HttpClient client, string file)
    {
        var form = await client.GetStringAsync("/Geography/GridImport");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Antiforgery().Match(form).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "GeoJsonFile", "grids.geojson" },
        };

        var response = await client.PostAsync("/Geography/GridImport?handler=Upload", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return UploadToken().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    private Task<bool> NewGridExistsAsync() => App.QueryAsync(db => db.OrgUnits.AnyAsync(u => u.Code == "350603001001005"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("upload=([0-9a-f]{32})")]
    private static partial Regex UploadToken();
}
