using System.Text.Json;
using CivicGrid.Web.Geography;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The platform's QR codes, read back by a real decoder: ZXing (@zxing/library, vendored under
/// Assets/zxing) in headless Chromium. Why this decoder: ZXing.Net is not on our package mirror,
/// and zbar or zxing-cpp would add apt packages, whereas Chromium is already a test dependency and
/// also decodes the PNG and rasterises the SVG itself, so both printed formats are checked as an
/// image, the way a phone camera sees them.
/// </summary>
[Collection(HeadlessChromiumCollection.Name)]
public sealed class QrCodesDecoded(HeadlessChromium chromium)
{
    private static readonly Uri GridUrl = new("https://grid.example.cn/q/g/350603001001003");
    private static readonly Uri BuildingUrl = new("https://grid.example.cn/q/b/K7Q2M9?unit=2&floor=3");

    private readonly QrCodes _codes = new();

    [Fact]
    public async Task A_png_code_decodes_to_the_same_url_with_error_correction_m()
    {
        var page = await chromium.PageWithAsync("Assets/zxing/zxing.min.js");

        var decoded = await DecodeAsync(page, "image/png", _codes.Png(BuildingUrl), size: null);

        Assert.Equal(BuildingUrl.AbsoluteUri, decoded.Text);
        Assert.Equal("M", decoded.ErrorCorrection);
    }

    [Fact]
    public async Task An_svg_code_decodes_to_the_same_url_even_printed_small()
    {
        var page = await chromium.PageWithAsync("Assets/zxing/zxing.min.js");
        var svg = System.Text.Encoding.UTF8.GetBytes(_codes.Svg(GridUrl));

        // 120 px for the whole code: about 3 px per module, a label photographed from a step away.
        var decoded = await DecodeAsync(page, "image/svg+xml", svg, size: 120);

        Assert.Equal(GridUrl.AbsoluteUri, decoded.Text);
        Assert.Equal("M", decoded.ErrorCorrection);
    }

    [Fact]
    public async Task A_png_code_keeps_a_white_quiet_zone_of_four_modules()
    {
        var page = await chromium.PageWithAsync();
        const int pixelsPerModule = 5;

        var margins = await page.EvaluateAsync<int[]>("""
            async dataUrl => {
              const image = new Image();
              image.src = dataUrl;
              await image.decode();
              const canvas = document.createElement("canvas");
              canvas.width = image.naturalWidth;
              canvas.height = image.naturalHeight;
              const context = canvas.getContext("2d");
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
              const dark = (x, y) => pixels[(y * canvas.width + x) * 4] < 128;
              let top = 0, left = 0;
              while (![...Array(canvas.width).keys()].some(x => dark(x, top))) top++;
              while (![...Array(canvas.height).keys()].some(y => dark(left, y))) left++;
              return [top, left];
            }
            """, DataUrl("image/png", _codes.Png(GridUrl, pixelsPerModule)));

        Assert.Equal([4 * pixelsPerModule, 4 * pixelsPerModule], margins);
    }

    [Fact]
    public void Only_absolute_urls_are_encoded()
    {
        Assert.Throws<ArgumentException>(() => _codes.Png(new Uri("/q/g/350603001001003", UriKind.Relative)));
    }

    private static async Task<Decoded> DecodeAsync(IPage page, string mediaType, byte[] image, int? size)
    {
        var result = await page.EvaluateAsync<JsonElement>("""
            async ([dataUrl, size]) => {
              const image = new Image();
              image.src = dataUrl;
              await image.decode();
              const canvas = document.createElement("canvas");
              canvas.width = size ?? image.naturalWidth;
              canvas.height = size ?? image.naturalHeight;
              canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
              const bitmap = new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(new ZXing.HTMLCanvasElementLuminanceSource(canvas)));
              const result = new ZXing.QRCodeReader().decode(bitmap);
              return { text: result.getText(), errorCorrection: String(result.getResultMetadata().get(ZXing.ResultMetadataType.ERROR_CORRECTION_LEVEL)) };
            }
            """, new object?[] { DataUrl(mediaType, image), size });
        return new Decoded(result.GetProperty("text").GetString()!, result.GetProperty("errorCorrection").GetString()!);
    }

    private static string DataUrl(string mediaType, byte[] bytes) => $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";

    private sealed record Decoded(string Text, string ErrorCorrection);
}
