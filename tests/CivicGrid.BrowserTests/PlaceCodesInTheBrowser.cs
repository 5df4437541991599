using System.Text.RegularExpressions;
using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// A community's label sheet printed to PDF, one of its QR codes read back by a real decoder
/// (ZXing, as in <see cref="QrCodesDecoded"/>) from the screen, and the URL it holds followed on
/// two phones: a grid worker's and a resident's.
/// </summary>
public sealed partial class PlaceCodesInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_printed_grid_label_opens_the_report_form_in_that_grid_for_staff_and_the_place_for_a_resident()
    {
        var community = await host.App.IdOfUnitAsync("毅阳社区");
        var buildings = await PlantBuildingsAsync(community, 10);

        // 陈立婷 prints the sheets of her community: 4 grids on one A4 page, its buildings on two.
        var chen = await host.PhoneOfAsync("chenliting");
        await chen.GotoAsync($"/Geography/Labels/{community}?kind={PlaceCodeKind.Building}");
        await Assertions.Expect(chen.GetByTestId("label")).ToHaveCountAsync(buildings);
        Assert.Equal((buildings + 11) / 12, PdfPages(await chen.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true })));
        Assert.True(await chen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));

        await chen.GetByTestId("sheet-grids").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("label")).ToHaveCountAsync(4);
        Assert.Equal(1, PdfPages(await chen.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true })));

        // The label of 第3网格, as a camera sees it on the screen, decodes to the platform's short URL.
        var label = chen.GetByTestId("label").Filter(new() { HasText = "毅阳社区 · 第3网格" });
        var token = await label.GetAttributeAsync("data-token");
        var url = await DecodeAsync(chen, await label.GetByTestId("label-qr").ScreenshotAsync());
        Assert.Equal($"{host.BaseUrl}/q/{token}", url);

        // 邱美灵 scans it: the report form, the pin inside 第3网格.
        var qiu = await host.PhoneOfAsync("qiumeiling");
        await qiu.GotoAsync(url);
        await Assertions.Expect(qiu).ToHaveURLAsync(new Regex(@"/Events/Report\?grid=\d+$"));
        await Assertions.Expect(qiu.GetByTestId("report-map")).ToBeVisibleAsync();
        await Assertions.Expect(qiu.GetByTestId("place-preview")).ToContainTextAsync("毅阳社区 · 第3网格");

        // A resident scans it: the report form, placed in the grid, and a way in for staff.
        var resident = await host.AnonymousPhoneAsync();
        await resident.GotoAsync(url);
        await Assertions.Expect(resident.GetByTestId("code-place")).ToContainTextAsync("毅阳社区 · 第3网格");
        await Assertions.Expect(resident.GetByTestId("staff-sign-in")).ToBeVisibleAsync();
        Assert.True(await resident.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }

    /// <summary>More buildings in the community's first grid, so its sheet runs over one page; returns how many it has now.</summary>
    private async Task<int> PlantBuildingsAsync(int community, int count)
    {
        return await host.App.QueryAsync(async db =>
        {
            var grid = await db.OrgUnits.Where(u => u.ParentId == community).OrderBy(u => u.Code).FirstAsync();
            var at = await db.Buildings.Where(b => b.GridId == grid.Id).FirstAsync();
            for (var n = 1; n <= count; n++)
            {
                db.Buildings.Add(new Building { GridId = grid.Id, Name = $"新{n}栋", Address = $"蓝田街道毅阳社区新{n}栋", Latitude = at.Latitude, Longitude = at.Longitude });
            }

            await db.SaveChangesAsync();
            return await db.Buildings.CountAsync(b => db.OrgUnits.Any(g => g.Id == b.GridId && g.ParentId == community));
        });
    }

    /// <summary>Reads a QR code from a PNG with the vendored ZXing, in the page itself.</summary>
    private static async Task<string> DecodeAsync(IPage page, byte[] png)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "Assets/zxing/zxing.min.js") });
        return await page.EvaluateAsync<string>("""
            async dataUrl => {
              const image = new Image();
              image.src = dataUrl;
              await image.decode();
              const canvas = document.createElement("canvas");
              canvas.width = image.naturalWidth;
              canvas.height = image.naturalHeight;
              canvas.getContext("2d").drawImage(image, 0, 0);
              const bitmap = new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(new ZXing.HTMLCanvasElementLuminanceSource(canvas)));
              return new ZXing.QRCodeReader().decode(bitmap).getText();
            }
            """, $"data:image/png;base64,{Convert.ToBase64String(png)}");
    }

    /// <summary>The pages of a PDF, as Chromium writes them: one "/Type /Page" dictionary each.</summary>
    private static int PdfPages(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
