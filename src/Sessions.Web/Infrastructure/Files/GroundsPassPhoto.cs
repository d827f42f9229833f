using System.Buffers.Binary;
using SkiaSharp;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Files;

/// <summary>
/// Turns an uploaded photo into the grounds-pass photo: a JPEG or PNG by its first bytes (never by its name or
/// declared type), at most 5 MB, not animated, and of a pixel size read from its header and refused before anything
/// is decoded (a small file can declare a huge image); then decoded (a JPEG at the smallest scale that still covers
/// the output), turned as its EXIF orientation says, cropped to 3:4 around its centre and re-encoded as a 600×800
/// JPEG. Nothing of the upload but its pixels goes on: no EXIF, no GPS, no comments, no colour profile.
/// </summary>
public static class GroundsPassPhoto
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int Width = 600;
    public const int Height = 800;
    public const long MaxPixels = 40_000_000;
    public const int MaxSide = 10_000;
    private const int Quality = 85;

    /// <summary>
    /// Photos decoded at once: a 40-megapixel PNG (no reduced-scale decoding) takes 160 MB of pixels, so a burst of
    /// uploads waits its turn rather than multiplying that.
    /// </summary>
    public static readonly SemaphoreSlim Decoding = new(2);

    private static readonly byte[] _jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] _png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The re-encoded JPEG; a <see cref="DomainException"/> when the upload is refused.</summary>
    public static byte[] Process(byte[] upload)
    {
        if (upload.Length == 0)
        {
            throw new DomainException("The file is empty.");
        }

        if (upload.Length > MaxBytes)
        {
            throw new DomainException("The file is larger than {0} MB.", MaxBytes / (1024 * 1024));
        }

        var isPng = upload.AsSpan().StartsWith(_png);
        if (!isPng && !upload.AsSpan().StartsWith(_jpeg))
        {
            throw new DomainException("The photo must be a JPEG or PNG image.");
        }

        if (isPng && IsAnimatedPng(upload))
        {
            throw new DomainException("The photo must be a still image, not an animation.");
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new DomainException("The photo cannot be read: upload a JPEG or PNG image.");
        if (codec.EncodedFormat != (isPng ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg))
        {
            throw new DomainException("The photo must be a JPEG or PNG image.");
        }

        if (codec.FrameCount > 1)
        {
            throw new DomainException("The photo must be a still image, not an animation.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            throw new DomainException("The photo is too large: at most {0} × {0} pixels and {1} megapixels.", MaxSide, MaxPixels / 1_000_000);
        }

        using var decoded = Decode(codec);
        return Encode(decoded, codec.EncodedOrigin);
    }

    /// <summary>An APNG carries an acTL chunk before its first IDAT; the chunks are walked by their lengths, nothing decoded.</summary>
    private static bool IsAnimatedPng(ReadOnlySpan<byte> png)
    {
        var at = 8;
        while (at + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            var type = png.Slice(at + 4, 4);
            if (type.SequenceEqual("acTL"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
            {
                return false;
            }

            // A chunk longer than what is left is not a PNG's: SkiaSharp refuses the file after this check.
            if (length > (uint)(png.Length - at - 12))
            {
                return false;
            }

            at += 12 + (int)length;
        }

        return false;
    }

    /// <summary>Decodes at the smallest scale the codec offers (1/2, 1/4, 1/8 for a JPEG) that still covers the output.</summary>
    private static SKBitmap Decode(SKCodec codec)
    {
        var info = codec.Info;
        var (shortSide, longSide) = IsTurned(codec.EncodedOrigin) ? (info.Height, info.Width) : (info.Width, info.Height);
        var scale = Math.Max((float)Width / shortSide, (float)Height / longSide);
        var size = scale < 1 ? codec.GetScaledDimensions(scale) : info.Size;
        if (size.Width < 1 || size.Height < 1)
        {
            size = info.Size;
        }

        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale)
        {
            bitmap.Dispose();
            target = target.WithSize(info.Width, info.Height);
            bitmap = new SKBitmap(target);
            result = codec.GetPixels(target, bitmap.GetPixels());
        }

        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new DomainException("The photo cannot be read: upload a JPEG or PNG image.");
        }

        return bitmap;
    }

    private static bool IsTurned(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Upright, cropped to 3:4 around the centre, scaled to 600×800 on white (a transparent PNG), as a JPEG.</summary>
    private static byte[] Encode(SKBitmap decoded, SKEncodedOrigin origin)
    {
        float w = decoded.Width, h = decoded.Height;
        var upright = Upright(origin, w, h);
        var (uprightWidth, uprightHeight) = IsTurned(origin) ? (h, w) : (w, h);
        var cropWidth = Math.Min(uprightWidth, uprightHeight * Width / Height);
        var cropHeight = cropWidth * Height / Width;
        var left = (uprightWidth - cropWidth) / 2;
        var top = (uprightHeight - cropHeight) / 2;
        var scale = Width / cropWidth;

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("No drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(SKMatrix.CreateScale(scale, scale).PreConcat(SKMatrix.CreateTranslation(-left, -top)).PreConcat(upright));
        using (var image = SKImage.FromBitmap(decoded))
        {
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg.ToArray();
    }

    /// <summary>From the decoded pixels to the upright picture, as the EXIF orientation says (w, h: the decoded size).</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
