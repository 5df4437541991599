using QRCoder;

namespace CivicGrid.Web.Geography;

/// <summary>
/// QR codes of the platform's short URLs, for the labels on buildings and grids. Error
/// correction level M (15 % of the code may be dirty or torn, as a label on an outside wall will
/// be) and the standard quiet zone of four modules, which phone cameras need to find the code.
/// SVG for printing at any size; PNG (written by QRCoder itself, no System.Drawing) for screens.
/// </summary>
public sealed class QrCodes
{
    private const QRCodeGenerator.ECCLevel ErrorCorrection = QRCodeGenerator.ECCLevel.M;

    /// <summary>An SVG that scales to its container (viewBox, no fixed size): black on white.</summary>
    public string Svg(Uri url)
    {
        using var data = Encode(url);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>A black-on-white PNG, <paramref name="pixelsPerModule"/> pixels per module.</summary>
    public byte[] Png(Uri url, int pixelsPerModule = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = Encode(url);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    private static QRCodeData Encode(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"A QR code needs an absolute URL, not \"{url}\".", nameof(url));
        }

        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(url.AbsoluteUri, ErrorCorrection);
    }
}
