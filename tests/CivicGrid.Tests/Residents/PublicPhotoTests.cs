using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Infrastructure.Problems;
using ImageMagick;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Xmp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rational = ImageMagick.Rational;

namespace CivicGrid.Tests.Residents;

/// <summary>Residents see event photos as copies made for the public: upright, small, and with nothing about where or when they were taken.</summary>
public sealed class PublicPhotoTests : AppTest
{
    private const string Secret = "3-502 Lane 18, taken by Lao Chen";

    [Fact]
    public async Task A_phone_photo_is_shown_upright_small_and_without_EXIF_GPS_or_comments()
    {
        var original = PhoneJpeg(width: 2400, height: 1600, Orientation.RightTop);
        var photo = await UploadAsync(("IMG_0042.jpg", original));
        Assert.NotNull(photo.GpsLatitude);

        var copy = await OpenAsync(photo);

        Assert.Equal("image/jpeg", copy.ContentType);
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(copy.Bytes));
        Assert.Empty(directories.OfType<ExifIfd0Directory>());
        Assert.Empty(directories.OfType<ExifSubIfdDirectory>());
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<XmpDirectory>());
        Assert.Empty(directories.OfType<IptcDirectory>());
        Assert.Empty(directories.OfType<JpegCommentDirectory>());
        Assert.DoesNotContain(Secret, System.Text.Encoding.Latin1.GetString(copy.Bytes));
        var seen = new MagickImageInfo(copy.Bytes);
        Assert.Equal(MagickFormat.Jpeg, seen.Format);
        // Orientation 6 turns the 2400×1600 sensor image into a portrait photo.
        Assert.Equal((1280u, 853u), (seen.Height, seen.Width));
        Assert.True(copy.Bytes.Length < original.Length);
    }

    [Fact]
    public async Task The_original_stays_as_evidence_for_staff()
    {
        var original = PhoneJpeg(width: 600, height: 400, Orientation.RightTop);
        var photo = await UploadAsync(("IMG_0043.jpg", original));

        await OpenAsync(photo);

        var qiu = await App.SignInAsync("qiumeiling");
        var kept = await (await qiu.GetAsync($"/api/v1/events/{photo.EventId}/attachments/{photo.Id}")).Content.ReadAsByteArrayAsync();
        Assert.Equal(original, kept);
    }

    [Fact]
    public async Task A_small_photo_is_not_enlarged()
    {
        var photo = await UploadAsync(("small.jpg", PhoneJpeg(width: 640, height: 480, Orientation.TopLeft)));

        var seen = new MagickImageInfo((await OpenAsync(photo)).Bytes);

        Assert.Equal((640u, 480u), (seen.Width, seen.Height));
    }

    [Fact]
    public async Task A_screenshot_loses_its_text_chunks_and_its_transparency()
    {
        using var png = new MagickImage(MagickColors.Transparent, 300, 200);
        png.SetAttribute("comment", Secret);
        png.SetAttribute("Author", Secret);
        png.Format = MagickFormat.Png;
        var bytes = png.ToByteArray();
        Assert.Contains(Secret, System.Text.Encoding.Latin1.GetString(bytes));
        var photo = await UploadAsync(("screenshot.png", bytes));

        var copy = await OpenAsync(photo);

        Assert.DoesNotContain(Secret, System.Text.Encoding.Latin1.GetString(copy.Bytes));
        using var seen = new MagickImage(copy.Bytes);
        Assert.Equal(MagickFormat.Jpeg, seen.Format);
        Assert.Equal(MagickColors.White, seen.GetPixels().GetPixel(0, 0).ToColor());
    }

    [Fact]
    public async Task A_copy_is_made_once_and_kept_even_when_many_ask_at_once()
    {
        var photo = await UploadAsync(("IMG_0044.jpg", PhoneJpeg(width: 1600, height: 1200, Orientation.TopLeft)));
        var photos = App.Services.GetRequiredService<PublicPhotos>();

        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReadAsync(photos.OpenAsync(photo, CancellationToken.None)))));

        Assert.All(copies, c => Assert.Equal(copies[0].Bytes, c.Bytes));
        var publicFolder = Path.Combine(App.UploadFolder, "public");
        Assert.Single(System.IO.Directory.GetFiles(publicFolder, "*", SearchOption.AllDirectories));
        // With the original gone, only the kept copy can answer.
        File.Delete(Path.Combine(App.UploadFolder, photo.StorageKey));
        Assert.Equal(copies[0].Bytes, (await OpenAsync(photo)).Bytes);
    }

    [Fact]
    public async Task A_photo_whose_file_is_gone_has_no_copy()
    {
        var photo = await UploadAsync(("IMG_0045.jpg", PhoneJpeg(width: 200, height: 100, Orientation.TopLeft)));
        File.Delete(Path.Combine(App.UploadFolder, photo.StorageKey));

        Assert.Null(await App.Services.GetRequiredService<PublicPhotos>().OpenAsync(photo, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_only_looks_like_a_JPEG_is_refused_clearly()
    {
        var photo = await UploadAsync(("broken.jpg", Images.Jpeg));

        var refused = await Assert.ThrowsAsync<DomainException>(() => OpenAsync(photo));

        Assert.Equal("PublicPhoto.Unreadable", refused.MessageKey);
        Assert.False(System.IO.Directory.Exists(Path.Combine(App.UploadFolder, "public")) && System.IO.Directory.EnumerateFiles(Path.Combine(App.UploadFolder, "public"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_photo_with_more_pixels_than_allowed_is_refused_before_it_is_decoded()
    {
        var photo = await UploadAsync(("huge.jpg", PhoneJpeg(width: 200, height: 200, Orientation.TopLeft)));
        var strict = new PublicPhotos(App.Services.GetRequiredService<AttachmentStore>(), Options.Create(new AttachmentOptions { StoragePath = App.UploadFolder, PublicMaxPixels = 10_000 }));

        var refused = await Assert.ThrowsAsync<DomainException>(() => strict.OpenAsync(photo, CancellationToken.None));

        Assert.Equal("PublicPhoto.TooLarge", refused.MessageKey);
        Assert.Equal(422, refused.Status);
    }

    /// <summary>Like a phone's photo: EXIF with the camera's orientation and a GPS position, XMP, IPTC and a comment.</summary>
    private static byte[] PhoneJpeg(uint width, uint height, Orientation orientation)
    {
        using var image = new MagickImage(MagickColors.SteelBlue, width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)orientation);
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        exif.SetValue(ExifTag.DateTimeOriginal, "2026:11:23 09:01:12");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(24, 1), new Rational(30, 1), new Rational(4608, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(117, 1), new Rational(41, 1), new Rational(4308, 100)]);
        image.SetProfile(exif);
        image.SetProfile(new XmpProfile(System.Text.Encoding.UTF8.GetBytes($"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"{Secret}\"/></rdf:RDF></x:xmpmeta>")));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, Secret);
        image.SetProfile(iptc);
        image.SetAttribute("comment", Secret);
        image.Orientation = orientation;
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    private async Task<Attachment> UploadAsync((string Name, byte[] Bytes) file)
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var id = (await qiu.UploadAsync(reported.Id, "Before", file)).Single();
        return await App.QueryAsync(db => db.Attachments.SingleAsync(a => a.Id == id));
    }

    private Task<(byte[] Bytes, string ContentType)> OpenAsync(Attachment photo) =>
        ReadAsync(App.Services.GetRequiredService<PublicPhotos>().OpenAsync(photo, CancellationToken.None));

    private static async Task<(byte[] Bytes, string ContentType)> ReadAsync(Task<PublicPhoto?> opening)
    {
        var photo = await opening ?? throw new InvalidOperationException("No public copy.");
        await using var content = photo.Content;
        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes);
        Assert.Equal(photo.Length, bytes.Length);
        return (bytes.ToArray(), photo.ContentType);
    }
}
