using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using QRCoder;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.E2E;

/// <summary>
/// The door in a browser without BarcodeDetector (as Firefox and Safari on iOS): Chromium's fake camera films a badge's
/// QR code, the vendored jsQR reads it, and the holder is recorded present without the page reloading, with a colour,
/// a sound and words for screen readers, and the holder's grounds-pass photo.
/// </summary>
public sealed class DoorCameraInTheBrowserTests
{
    [ChromiumFact]
    public async Task Without_BarcodeDetector_the_camera_reads_the_badge_with_jsqr_and_shows_the_holder_with_their_photo()
    {
        var camera = Path.Combine(Path.GetTempPath(), $"sessions-door-{Guid.NewGuid():N}.y4m");
        // Chromium opens the fake camera's file when the page asks for the camera: it is written once the badge exists.
        await using var app = await BrowserApp.StartAsync(browserArgs:
        [
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            $"--use-file-for-fake-video-capture={camera}",
        ]);
        try
        {
            SetDefaultExpectTimeout(30_000);
            var now = DateTime.UtcNow;
            var sessionId = await app.Factory.AddSessionAsync(await app.Factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now),
                configure: s => s.AddMeeting(1, now.AddMinutes(-20), now.AddHours(3), "Plenary Hall"));
            var delegation = await app.Factory.AddDelegationAsync(sessionId, await app.Factory.AddOrganisationAsync("Camera Door Network", OrganisationCategory.NonGovernmentalOrganisation),
                Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation)]);
            var amina = delegation.ParticipantIds[0];
            await app.Factory.GivePhotoAsync(amina);
            var token = (await app.Factory.ParticipantAsync(amina)).BadgeToken!;
            await File.WriteAllBytesAsync(camera, Y4mOfQrCode($"{app.BaseUrl}/badges/{token}"));

            await using var context = await app.NewContextAsync();
            await context.GrantPermissionsAsync(["camera"], new BrowserContextGrantPermissionsOptions { Origin = app.BaseUrl });
            await context.AddInitScriptAsync("delete window.BarcodeDetector;");
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
            await page.GotoAsync($"/sessions/manage/{sessionId}/check-in");
            Assert.False(await page.EvaluateAsync<bool>("() => 'BarcodeDetector' in window"));
            await page.EvaluateAsync("() => { window.notReloaded = true; }");

            await page.ClickAsync("#check-in-camera");
            var result = page.Locator("#check-in-results .check-in-result[data-outcome=Recorded]");
            await Expect(result).ToContainTextAsync("Amina");
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.jsQR === 'function'"), "the vendored decoder read the code");
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page stayed, with its camera");
            await Expect(page.Locator("#check-in-results")).ToHaveAttributeAsync("aria-live", "assertive");
            await Expect(page.Locator("#check-in-flash")).ToHaveAttributeAsync("data-outcome", "accepted");
            await Expect(page.Locator("#check-in-count")).ToHaveTextAsync("1 present at meeting 1.");
            var photo = page.Locator("[data-role=holder-photo]");
            await Expect(photo).ToBeVisibleAsync();
            await Expect(photo).ToHaveAttributeAsync("src", $"/badges/{token}/photo.jpg");
            await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-role=holder-photo]'); return img.complete && img.naturalWidth > 0; }");

            // A refused code typed at the same door: another colour, and the reason in words.
            await page.FillAsync("#code", "0000");
            await page.ClickAsync("[data-action=check-in]");
            await Expect(page.Locator("#check-in-results .check-in-result[data-outcome=refused]")).ToContainTextAsync("No badge has this code.");
            await Expect(page.Locator("#check-in-flash")).ToHaveAttributeAsync("data-outcome", "refused");
            await Expect(page.Locator("[data-role=holder-photo]")).ToHaveCountAsync(0);

            var status = await app.Factory.WithDbAsync(db => db.Attendance.Where(a => a.ParticipantId == amina).Select(a => new { a.Status, a.Method }).SingleAsync());
            Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Scan), (status.Status, status.Method));
        }
        finally
        {
            File.Delete(camera);
        }
    }

    /// <summary>A few frames of a 640×480 camera filming <paramref name="text"/> as a QR code, in the YUV4MPEG2 format Chromium's fake camera plays.</summary>
    private static byte[] Y4mOfQrCode(string text)
    {
        const int width = 640, height = 480;
        using var generator = new QRCodeGenerator();
        var modules = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M).ModuleMatrix;
        var size = modules.Count;
        var scale = 440 / size;
        var (left, top) = ((width - (size * scale)) / 2, (height - (size * scale)) / 2);
        var luma = new byte[width * height];
        Array.Fill(luma, (byte)235);
        for (var y = 0; y < size * scale; y++)
        {
            for (var x = 0; x < size * scale; x++)
            {
                if (modules[y / scale][x / scale])
                {
                    luma[((top + y) * width) + left + x] = 16;
                }
            }
        }

        var chroma = Enumerable.Repeat((byte)128, width * height / 2).ToArray();
        using var file = new MemoryStream();
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 3; frame++)
        {
            file.Write(Encoding.ASCII.GetBytes("FRAME\n"));
            file.Write(luma);
            file.Write(chroma);
        }

        return file.ToArray();
    }
}
