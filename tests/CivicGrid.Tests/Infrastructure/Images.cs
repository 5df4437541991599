using System.Buffers.Binary;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>Smallest files that start like the formats they claim to be, and one real photo with a GPS position.</summary>
public static class Images
{
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static byte[] Heic => [0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'h', (byte)'e', (byte)'i', (byte)'c', 0x00, 0x00, 0x00, 0x00];

    public static byte[] NotAnImage => "MZ this is an executable pretending to be a photo"u8.ToArray();

    /// <summary>
    /// A decodable 8×8 grey baseline JPEG carrying, like a phone's photo, an EXIF block whose GPS
    /// directory holds the position as degrees, minutes and hundredths of seconds.
    /// </summary>
    public static byte[] PhotoTakenAt(double latitude, double longitude) =>
        [0xFF, 0xD8, .. ExifSegment(latitude, longitude), .. GreySquare];

    /// <summary>
    /// After SOI: one quantisation table of ones, an 8×8 one-component frame, a DC and an AC Huffman
    /// table of one code each ("0" → category 0, "0" → end of block), and a scan of that one block:
    /// bits 00, padded with ones.
    /// </summary>
    private static readonly byte[] GreySquare =
    [
        0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64),
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[15], 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, .. new byte[15], 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x3F,
        0xFF, 0xD9,
    ];

    private const ushort ByteType = 1, AsciiType = 2, LongType = 4, RationalType = 5;

    /// <summary>APP1 "Exif": a big-endian TIFF whose IFD0 points to a GPS IFD of five entries, followed by the two rational triples.</summary>
    private static byte[] ExifSegment(double latitude, double longitude)
    {
        const int ifd0 = 8, gpsIfd = ifd0 + 2 + 12 + 4, values = gpsIfd + 2 + (5 * 12) + 4, tiffLength = values + (2 * 24);
        var tiff = new byte[tiffLength];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), ifd0);

        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(ifd0), 1);
        Entry(tiff, ifd0 + 2, tag: 0x8825, LongType, count: 1, value: gpsIfd); // GPSInfo

        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(gpsIfd), 5);
        Entry(tiff, gpsIfd + 2, tag: 0x0000, ByteType, count: 4, value: 0x02020000); // GPSVersionID 2.2.0.0
        Entry(tiff, gpsIfd + 14, tag: 0x0001, AsciiType, count: 2, value: (uint)(latitude < 0 ? 'S' : 'N') << 24);
        Entry(tiff, gpsIfd + 26, tag: 0x0002, RationalType, count: 3, value: values);
        Entry(tiff, gpsIfd + 38, tag: 0x0003, AsciiType, count: 2, value: (uint)(longitude < 0 ? 'W' : 'E') << 24);
        Entry(tiff, gpsIfd + 50, tag: 0x0004, RationalType, count: 3, value: values + 24);
        DegreesMinutesSeconds(tiff.AsSpan(values), latitude);
        DegreesMinutesSeconds(tiff.AsSpan(values + 24), longitude);

        var segment = new byte[2 + 2 + 6 + tiffLength];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return segment;
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
    }

    /// <summary>24.5128 → 24/1, 30/1, 4608/100 (24° 30′ 46.08″).</summary>
    private static void DegreesMinutesSeconds(Span<byte> to, double degrees)
    {
        var hundredths = (uint)Math.Round(Math.Abs(degrees) * 360_000);
        uint[] parts = [hundredths / 360_000, 1, hundredths % 360_000 / 6_000, 1, hundredths % 6_000, 100];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(to[(i * 4)..], parts[i]);
        }
    }
}
