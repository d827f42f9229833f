using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Sessions.Core.Common;
using Sessions.Web.Infrastructure.Files;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Registration.GroundsPass.GroundsPassTestScenario;

namespace Sessions.Tests.Registration.GroundsPass;

/// <summary>What an uploaded photo must be, and what is kept of it: only its pixels, re-encoded at a fixed size.</summary>
public sealed class PhotoUploadTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "text", "photo.jpg", "image/jpeg", "The photo must be a JPEG or PNG image." },
        { "pdf", "photo.jpg", "image/jpeg", "The photo must be a JPEG or PNG image." },
        { "gif", "photo.gif", "image/gif", "The photo must be a JPEG or PNG image." },
        { "apng", "photo.png", "image/png", "The photo must be a still image, not an animation." },
        { "png-bomb", "photo.png", "image/png", "The photo is too large" },
        { "jpeg-bomb", "photo.jpg", "image/jpeg", "The photo is too large" },
        { "too-wide", "photo.png", "image/png", "The photo is too large" },
        { "over-5-mb", "photo.jpg", "image/jpeg", "The file is larger than 5 MB." },
        { "png-chunk-beyond-the-file", "photo.png", "image/png", "The photo cannot be read" },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "text" => Encoding.UTF8.GetBytes("this is not an image at all"),
        "pdf" => TestPdf.Bytes("a PDF renamed .jpg"),
        "gif" => PhotoBuilders.AnimatedGif(),
        "apng" => PhotoBuilders.AnimatedPng(),
        "png-bomb" => PhotoBuilders.PngDeclaring(9_000, 9_000),
        "jpeg-bomb" => PhotoBuilders.JpegDeclaring(60_000, 60_000),
        "too-wide" => PhotoBuilders.PngDeclaring(10_001, 100),
        "over-5-mb" => [.. PhotoBuilders.Jpeg(), .. new byte[5 * 1024 * 1024]],
        // A chunk declaring nearly 2 GiB in a 24-byte file: walking the chunks must not overflow (it was a 500).
        "png-chunk-beyond-the-file" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x7F, 0xFF, 0xFF, 0xF0, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_upload_that_is_not_a_still_JPEG_or_PNG_of_a_sane_size_is_refused_and_nothing_is_stored(string kind, string fileName, string contentType, string message)
    {
        var scenario = await StartAsync(factory);
        var filesBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        var response = await UploadAsync(scenario.FocalPoint, scenario.Page, Bytes(kind), fileName, contentType);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null((await factory.ParticipantAsync(scenario.ParticipantId)).PhotoFileId);
        Assert.Equal(filesBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_before_anything_is_decoded()
    {
        var bomb = PhotoBuilders.PngDeclaring(40_000, 40_000);
        Assert.True(bomb.Length < 200);

        var refusal = Assert.Throws<DomainException>(() => GroundsPassPhoto.Process(bomb));

        // 1.6 gigapixels would take 6.4 GB to decode: refused on the declared size alone.
        Assert.StartsWith("The photo is too large", refusal.Message);
    }

    [Fact]
    public async Task The_photo_is_served_re_encoded_at_600_by_800_without_its_EXIF_and_turned_upright()
    {
        var scenario = await StartAsync(factory);
        var upload = PhotoBuilders.JpegWithExif(400, 300);
        Assert.Contains(PhotoBuilders.ExifMarker, Encoding.ASCII.GetString(upload));

        var response = await UploadAsync(scenario.FocalPoint, scenario.Page, upload);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var photo = await scenario.FocalPoint.GetAsync($"{scenario.Page}/photo.jpg");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(upload, bytes);
        var text = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain(PhotoBuilders.ExifMarker, text);
        Assert.False(HasSegment(bytes, 0xE1), "the served JPEG still has an APP1 (EXIF/XMP) segment");

        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal(600, decoded.Width);
        Assert.Equal(800, decoded.Height);

        // Stored landscape with red on the left, blue on the right; orientation 6 turns it clockwise: red on top.
        Assert.True(decoded.GetPixel(300, 100).Red > 150 && decoded.GetPixel(300, 100).Blue < 100, $"top is {decoded.GetPixel(300, 100)}");
        Assert.True(decoded.GetPixel(300, 700).Blue > 150 && decoded.GetPixel(300, 700).Red < 100, $"bottom is {decoded.GetPixel(300, 700)}");
    }

    [Fact]
    public async Task A_PNG_is_stored_as_a_600_by_800_JPEG_and_a_new_photo_replaces_the_old_file()
    {
        var scenario = await StartAsync(factory);
        await UploadAsync(scenario.FocalPoint, scenario.Page, PhotoBuilders.Png(), "photo.png", "image/png");
        var first = (await factory.ParticipantAsync(scenario.ParticipantId)).PhotoFileId;
        Assert.NotNull(first);

        var response = await UploadAsync(scenario.FocalPoint, scenario.Page, PhotoBuilders.Jpeg(800, 1000));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = (await factory.ParticipantAsync(scenario.ParticipantId)).PhotoFileId;
        Assert.NotEqual(first, second);
        Assert.False(await factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == first)));
        var stored = await factory.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.Id == second));
        Assert.Equal("image/jpeg", stored.ContentType);
        using var decoded = SKBitmap.Decode(await scenario.FocalPoint.GetByteArrayAsync($"{scenario.Page}/photo.jpg"));
        Assert.Equal((600, 800), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task The_participant_uploads_their_photo_from_the_link_of_their_invitation()
    {
        var scenario = await StartAsync(factory);
        var anonymous = factory.CreateBrowser();

        var page = await anonymous.GetAsync(scenario.LinkPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "the page may be cached");
        var response = await UploadAsync(anonymous, scenario.LinkPage, PhotoBuilders.Jpeg());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await factory.ParticipantAsync(scenario.ParticipantId)).PhotoFileId);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{scenario.LinkPage}/photo.jpg")).StatusCode);
    }

    [Fact]
    public async Task The_participant_signed_in_with_their_linked_account_uploads_their_photo()
    {
        var scenario = await StartAsync(factory);
        var participant = await scenario.SignInAsTheParticipantAsync();

        var response = await UploadAsync(participant, scenario.Page, PhotoBuilders.Jpeg());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await factory.ParticipantAsync(scenario.ParticipantId)).PhotoFileId);
    }

    /// <summary>Whether the JPEG has a marker segment of this kind (0xE1: APP1, where EXIF and XMP live) before its image data.</summary>
    private static bool HasSegment(byte[] jpeg, byte marker)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            if (jpeg[at + 1] == marker)
            {
                return true;
            }

            if (jpeg[at + 1] == 0xDA)
            {
                return false;
            }

            at += 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]);
        }

        return false;
    }
}
