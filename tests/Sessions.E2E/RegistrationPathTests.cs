using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Sessions;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>The whole path of issue 3 in a real browser: accreditation, registration, review, badge, public list.</summary>
public sealed class RegistrationPathTests
{
    private const string FocalPointPassword = "a-long-focal-point-password";

    private static readonly byte[] TinyPdf = Sessions.Tests.Infrastructure.TestPdf.Bytes();

    [ChromiumFact]
    public async Task Focal_point_is_accredited_registers_a_delegation_and_only_the_consenting_participant_is_listed()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var token = OrganisationSeeding.UniqueToken();
        var organisationName = $"Slum Dwellers Urban Network {token}";
        var bodyId = await app.Factory.AddBodyAsync(BodyKind.Assembly, name: $"Habitat Assembly {token}");
        var sessionId = await app.Factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), title: $"Browser session {token}", configure: s =>
        {
            s.AddAgendaItem("1", "Opening of the session.");
            s.NominationDeadline = DateTime.UtcNow.AddDays(30);
            s.RegistrationDeadline = DateTime.UtcNow.AddDays(40);
        });
        var focalPointEmail = $"focal-point-{token}@test.sessions";
        var organisationId = await AddFocalPointWithOrganisationAsync(app.Factory, focalPointEmail, organisationName);

        await using var focalPointContext = await app.NewContextAsync();
        var focalPoint = await focalPointContext.NewPageAsync();
        focalPoint.SetDefaultTimeout(30_000);
        await app.SignInAsync(focalPoint, focalPointEmail, FocalPointPassword);

        // 1. The focal point applies for ad hoc accreditation to the body, with its two PDFs.
        await focalPoint.GotoAsync("/accreditation/apply");
        await focalPoint.SelectOptionAsync("#OrganisationId", organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await focalPoint.SelectOptionAsync("#BodyId", bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await focalPoint.FillAsync("#Mission", "We organise residents of informal settlements to improve their housing and services.");
        await focalPoint.SetInputFilesAsync("#Letter", new FilePayload { Name = "letter.pdf", MimeType = "application/pdf", Buffer = TinyPdf });
        await focalPoint.SetInputFilesAsync("#GoverningBodyList", new FilePayload { Name = "governing-body.pdf", MimeType = "application/pdf", Buffer = TinyPdf });
        await focalPoint.ClickAsync("main form button[type=submit]");
        await Expect(focalPoint).ToHaveURLAsync(new Regex(@"/accreditation/\d+$"));

        // 2. The secretariat, in its own browser, finds the application in the queue and grants it.
        await using var secretariatContext = await app.NewContextAsync();
        var secretariat = await secretariatContext.NewPageAsync();
        secretariat.SetDefaultTimeout(30_000);
        await app.SignInAsync(secretariat, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
        await secretariat.GotoAsync("/accreditation/queue");
        await secretariat.ClickAsync($"main table a:has-text(\"{organisationName}\")");
        await Expect(secretariat).ToHaveURLAsync(new Regex(@"/accreditation/\d+$"));
        await secretariat.ClickAsync("form[action$='/grant'] button[type=submit]");
        await Expect(secretariat.Locator("main")).ToContainTextAsync("The accreditation is granted");

        // 3. The focal point registers the delegation, uploads the nomination letter and nominates two people.
        await focalPoint.GotoAsync("/delegations");
        await focalPoint.ClickAsync($"a[href='/delegations/new?sessionId={sessionId}&organisationId={organisationId}']");
        await focalPoint.ClickAsync("main form button[type=submit]");
        await Expect(focalPoint).ToHaveURLAsync(new Regex(@"/delegations/\d+$"));
        var delegationUrl = new Uri(focalPoint.Url).AbsolutePath;
        var delegationId = int.Parse(delegationUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        await focalPoint.SetInputFilesAsync("#file", new FilePayload { Name = "nomination-letter.pdf", MimeType = "application/pdf", Buffer = TinyPdf });
        await focalPoint.ClickAsync($"form[action='{delegationUrl}/letter'] button[type=submit]");
        await Expect(focalPoint.Locator($"a[href='{delegationUrl}/letter']")).ToBeVisibleAsync();

        await NominateAsync(focalPoint, delegationUrl, "Amina", "Otieno", "HeadOfDelegation", $"amina-{token}@example.org", consent: true);
        await NominateAsync(focalPoint, delegationUrl, "Pierre", "Lefèvre", "Adviser", $"pierre-{token}@example.org", consent: false);
        await Expect(focalPoint.Locator("main table tbody tr")).ToHaveCountAsync(2);

        await focalPoint.ClickAsync($"form[action='{delegationUrl}/submit'] button[type=submit]");
        await Expect(focalPoint.Locator($"form[action='{delegationUrl}/submit']")).ToHaveCountAsync(0);

        // 4. The secretariat approves it from the review queue.
        await secretariat.GotoAsync($"/registrations/review?sessionId={sessionId}");
        await secretariat.CheckAsync($"#select-{delegationId}");
        await secretariat.ClickAsync("#review-form button.btn-success");
        // Approving notifies people: the confirmation step says so first.
        await secretariat.ClickAsync("section.confirmation button[type=submit]");
        await secretariat.WaitForURLAsync(url => !url.EndsWith("/approve", StringComparison.Ordinal));
        await secretariat.GotoAsync($"/registrations/{delegationId}");
        await Expect(secretariat.Locator("main")).ToContainTextAsync("Approved");

        // 5. The focal point opens a participant's badge: its QR code is a real image.
        var badgeToken = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Participants
            .Where(p => p.DelegationId == delegationId && p.GivenName == "Amina")
            .Select(p => p.BadgeToken)
            .SingleAsync());
        Assert.NotNull(badgeToken);
        var badge = await focalPoint.GotoAsync($"/badges/{badgeToken}");
        Assert.Equal(200, badge!.Status);
        await Expect(focalPoint.Locator("main")).ToContainTextAsync("OTIENO", new() { IgnoreCase = true });
        var qr = focalPoint.Locator("img.access-badge-qr");
        await Expect(qr).ToBeVisibleAsync();
        await focalPoint.WaitForFunctionAsync("() => { const img = document.querySelector('img.access-badge-qr'); return img && img.complete && img.naturalWidth > 0; }");

        // 6. The public list, read anonymously, shows the one who consented and not the other.
        await using var publicContext = await app.NewContextAsync();
        var reader = await publicContext.NewPageAsync();
        var list = await reader.GotoAsync($"/sessions/{sessionId}/participants");
        Assert.Equal(200, list!.Status);
        await Expect(reader.Locator("main")).ToContainTextAsync(organisationName);
        await Expect(reader.Locator("main")).ToContainTextAsync("Amina");
        await Expect(reader.Locator("main")).Not.ToContainTextAsync("Pierre");
        await Expect(reader.Locator("main")).Not.ToContainTextAsync("Lefèvre", new() { IgnoreCase = true });
    }

    private static async Task<int> AddFocalPointWithOrganisationAsync(SessionsAppFactory factory, string email, string organisationName)
    {
        var user = await factory.CreateUserAsync(email, FocalPointPassword, Roles.FocalPoint);
        var organisationId = await factory.AddOrganisationAsync(organisationName, category: OrganisationCategory.NonGovernmentalOrganisation, country: "KE");
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.FocalPoints.Add(new FocalPoint(organisationId, user.Id, FocalPointStatus.Approved, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        return organisationId;
    }

    private static async Task NominateAsync(IPage page, string delegationUrl, string givenName, string familyName, string function, string email, bool consent)
    {
        await page.GotoAsync($"{delegationUrl}/participants/new");
        await page.FillAsync("#Title", "Ms.");
        await page.FillAsync("#GivenName", givenName);
        await page.FillAsync("#FamilyName", familyName);
        await page.SelectOptionAsync("#Function", function);
        await page.FillAsync("#Email", email);
        await page.SelectOptionAsync("#PreferredLanguage", "en");
        await page.SetCheckedAsync("#ConsentToPublicList", consent);
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(delegationUrl) + "$"));
    }
}
