using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Sessions.Tests.Infrastructure;

/// <summary>Photos for the grounds-pass tests and benchmark, made here: plain, with EXIF, animated, or declaring a huge size.</summary>
public static class PhotoBuilders
{
    /// <summary>What the EXIF of <see cref="JpegWithExif"/> carries in its description, to look for in the output.</summary>
    public const string ExifMarker = "SECRET-EXIF-MARKER";

    /// <summary>A JPEG whose left half is red and right half blue (as stored, before any EXIF orientation).</summary>
    public static byte[] Jpeg(int width = 400, int height = 300, int quality = 90) => Encode(width, height, SKEncodedImageFormat.Jpeg, quality, noise: false);

    /// <summary>
    /// A JPEG of the same halves with noise over them, so it compresses as a camera's photo does, at the best quality
    /// that stays within the 5 MB an upload may weigh (a 12-megapixel phone photo is 3–5 MB).
    /// </summary>
    public static byte[] CameraJpeg(int width, int height)
    {
        for (var quality = 92; ; quality -= 4)
        {
            var jpeg = Encode(width, height, SKEncodedImageFormat.Jpeg, quality, noise: true);
            if (jpeg.Length <= 5 * 1024 * 1024 || quality <= 40)
            {
                return jpeg;
            }
        }
    }

    public static byte[] Png(int width = 300, int height = 400) => Encode(width, height, SKEncodedImageFormat.Png, 100, noise: false);

    /// <summary>
    /// <see cref="Jpeg"/> with an APP1 EXIF segment: orientation 6 (turn 90° clockwise to show), a description holding
    /// <see cref="ExifMarker"/> and a GPS block (latitude 48° N).
    /// </summary>
    public static byte[] JpegWithExif(int width = 400, int height = 300)
    {
        var jpeg = Jpeg(width, height);
        var exif = ExifSegment();
        return [.. jpeg.AsSpan(0, 2), .. exif, .. jpeg.AsSpan(2)];
    }

    /// <summary>A JPEG whose frame header (SOF) declares <paramref name="width"/> × <paramref name="height"/>: a few kilobytes claiming a huge image.</summary>
    public static byte[] JpegDeclaring(int width, int height)
    {
        var jpeg = Jpeg(64, 64);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
                return jpeg;
            }
        }

        throw new InvalidOperationException("No frame header in the JPEG.");
    }

    /// <summary>A PNG of a few bytes whose header declares <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        return [.. PngSignature, .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    /// <summary>An animated PNG: a real PNG with an acTL chunk (two frames) before its image data.</summary>
    public static byte[] AnimatedPng()
    {
        var png = Png(30, 40);
        var afterHeader = 8 + 25; // signature, then IHDR (4 + 4 + 13 + 4)
        var actl = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(actl, 2);
        return [.. png.AsSpan(0, afterHeader), .. Chunk("acTL", actl), .. png.AsSpan(afterHeader)];
    }

    /// <summary>The start of a two-frame GIF: animated, and not a JPEG or PNG.</summary>
    public static byte[] AnimatedGif() =>
        [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B];

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality, bool noise)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = new SKColor(220, 20, 20) };
            using var blue = new SKPaint { Color = new SKColor(20, 20, 220) };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width - (width / 2f), height, blue);
        }

        if (noise)
        {
            var random = new Random(7);
            var pixels = bitmap.GetPixelSpan();
            for (var i = 0; i < pixels.Length; i += 4)
            {
                pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(-20, 20), 0, 255);
                pixels[i + 1] = (byte)Math.Clamp(pixels[i + 1] + random.Next(-20, 20), 0, 255);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>APP1 "Exif": IFD0 with Orientation = 6, ImageDescription and a GPS pointer; the GPS IFD with GPSLatitudeRef "N" and GPSLatitude 48/1 0/1 0/1.</summary>
    private static byte[] ExifSegment()
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)v, (byte)(v >> 8)]);
        void U32(int v) => tiff.AddRange([(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)]);
        var description = Encoding.ASCII.GetBytes(ExifMarker + "\0");
        const int ifd0 = 8;
        const int ifd0Size = 2 + (3 * 12) + 4;
        var descriptionAt = ifd0 + ifd0Size;
        var gpsAt = descriptionAt + description.Length;
        const int gpsSize = 2 + (2 * 12) + 4;
        var latitudeAt = gpsAt + gpsSize;

        tiff.AddRange("II"u8.ToArray());
        U16(42);
        U32(ifd0);
        U16(3);
        U16(0x010E); U16(2); U32(description.Length); U32(descriptionAt); // ImageDescription
        U16(0x0112); U16(3); U32(1); U16(6); U16(0);                      // Orientation
        U16(0x8825); U16(4); U32(1); U32(gpsAt);                           // GPS IFD
        U32(0);
        tiff.AddRange(description);
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef
        U16(0x0002); U16(5); U32(3); U32(latitudeAt);                       // GPSLatitude
        U32(0);
        U32(48); U32(1); U32(0); U32(1); U32(0); U32(1);

        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var length = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }
}
