using System.Collections.Concurrent;
using CivicGrid.Web.Infrastructure.Problems;
using ImageMagick;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Events.Attachments;

/// <summary>A photo ready to send to someone outside the staff.</summary>
public sealed record PublicPhoto(Stream Content, string ContentType, long Length);

/// <summary>
/// The copy of an event photo the public may see: turned upright, stripped of EXIF (GPS, camera,
/// time), XMP, IPTC, ICC and comments, shrunk for a phone on 3G, and always JPEG (HEIC does not
/// open in most browsers). Staff keep the original as evidence. Each copy is made once and kept
/// on disk beside the originals.
/// </summary>
public sealed class PublicPhotos(AttachmentStore store, IOptions<AttachmentOptions> options)
{
    public const string ContentType = "image/jpeg";

    /// <summary>Requests for a copy still being made wait for that one instead of making it again.</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task>> _making = new();

    /// <summary>A decoded photo can take a few hundred MB: a burst of different photos is converted a few at a time.</summary>
    private readonly SemaphoreSlim _converting = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>Null when the original is gone; a <see cref="DomainException"/> when it cannot be made safe to show.</summary>
    public async Task<PublicPhoto?> OpenAsync(Attachment attachment, CancellationToken ct)
    {
        var copyKey = AttachmentStore.PublicCopyKey(attachment.StorageKey);
        if (store.TryOpen(copyKey) is { } kept)
        {
            return new PublicPhoto(kept, ContentType, kept.Length);
        }

        if (!store.Exists(attachment.StorageKey))
        {
            return null;
        }

        var making = _making.GetOrAdd(copyKey, key => new Lazy<Task>(() => MakeAsync(attachment.StorageKey, key)));
        try
        {
            // One caller giving up must not cancel the copy the others wait for.
            await making.Value.WaitAsync(ct);
        }
        finally
        {
            if (making.Value.IsCompleted)
            {
                _making.TryRemove(KeyValuePair.Create(copyKey, making));
            }
        }

        var made = store.TryOpen(copyKey);
        return made is null ? null : new PublicPhoto(made, ContentType, made.Length);
    }

    private async Task MakeAsync(string originalKey, string copyKey)
    {
        byte[] jpeg;
        await _converting.WaitAsync();
        try
        {
            jpeg = await Task.Run(() => Convert(originalKey));
        }
        finally
        {
            _converting.Release();
        }

        await store.ReplaceAsync(copyKey, jpeg, CancellationToken.None);
    }

    private byte[] Convert(string originalKey)
    {
        var limits = options.Value;
        try
        {
            // The header alone gives the canvas size, so a decompression bomb is refused before any pixel is decoded.
            uint width, height;
            using (var header = store.Open(originalKey))
            {
                var info = new MagickImageInfo(header);
                (width, height) = (info.Width, info.Height);
            }

            if ((long)width * height > limits.PublicMaxPixels)
            {
                throw TooLarge(limits);
            }

            var settings = new MagickReadSettings { FrameIndex = 0, FrameCount = 1 };
            if (Math.Min(width, height) >= limits.PublicLongSide)
            {
                // Lets the JPEG decoder scale down by 1/2, 1/4 or 1/8 while decoding: less memory and time for big
                // phone photos. Only for those: on a smaller one the decoder would scale up to the hint.
                settings.SetDefine(MagickFormat.Jpeg, "size", $"{limits.PublicLongSide}x{limits.PublicLongSide}");
            }

            using var original = store.Open(originalKey);
            using var image = new MagickImage(original, settings);

            // Orientation first: once the EXIF block is stripped, nothing would say which way is up.
            image.AutoOrient();
            if (image.GetColorProfile() is not null)
            {
                image.TransformColorSpace(ColorProfiles.SRGB);
            }

            image.Strip();
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
            if (Math.Max(image.Width, image.Height) > limits.PublicLongSide)
            {
                image.Resize((uint)limits.PublicLongSide, (uint)limits.PublicLongSide);
            }

            image.Quality = (uint)limits.PublicJpegQuality;
            image.Settings.Interlace = Interlace.Jpeg;
            image.Format = MagickFormat.Jpeg;
            return image.ToByteArray();
        }
        catch (MagickResourceLimitErrorException)
        {
            throw TooLarge(limits);
        }
        catch (MagickErrorException)
        {
            throw new DomainException(StatusCodes.Status422UnprocessableEntity, "PublicPhoto.Unreadable");
        }
    }

    private static DomainException TooLarge(AttachmentOptions limits) =>
        new(StatusCodes.Status422UnprocessableEntity, "PublicPhoto.TooLarge", limits.PublicMaxPixels / 1_000_000);
}
