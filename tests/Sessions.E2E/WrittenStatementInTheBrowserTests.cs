using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>
/// The path of issue 6 in real browsers: a delegate submits a DOCX and sees its word count, the co-sponsor's focal point
/// confirms, the secretariat accepts (issues), and the public page shows the statement under its symbol; the download
/// is the very file that was sent. Three browser profiles: the delegate, the co-sponsor (then an anonymous reader), the secretariat.
/// </summary>
public sealed class WrittenStatementInTheBrowserTests
{
    private const string DelegatePassword = "a-long-delegate-password";

    [ChromiumFact]
    public async Task A_joint_statement_is_submitted_confirmed_issued_and_published_with_its_file_intact()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var factory = app.Factory;
        var token = OrganisationSeeding.UniqueToken();
        var bodyId = await factory.AddBodyAsync(BodyKind.Assembly, name: $"Habitat Assembly {token}");
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60), title: $"Statements session {token}", configure: s =>
        {
            s.AddAgendaItem("4", "Report of the Executive Director.");
            s.AddAgendaItem("6", "Adequate housing for all.");
        });
        var itemId = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.SessionId == sessionId && a.Number == "6").Select(a => a.Id).SingleAsync());

        // The submitter: a delegate of an IGO's approved delegation. The co-sponsor: a member State with its focal point.
        var igoId = await factory.AddOrganisationAsync($"Intergovernmental Housing Forum {token}", OrganisationCategory.IntergovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, igoId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Amina", "Otieno", ParticipantFunction.HeadOfDelegation)]);
        var delegateEmail = $"delegate-{token}@test.sessions";
        var delegateUser = await factory.CreateUserAsync(delegateEmail, DelegatePassword, Roles.Delegate);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var participant = await db.Participants.SingleAsync(p => p.Id == delegation.ParticipantIds[0]);
            participant.LinkAccount(delegateUser.Id);
            await db.SaveChangesAsync();
        });
        var stateName = $"Republic of Testland {token}";
        var stateId = await factory.AddOrganisationAsync(stateName, OrganisationCategory.MemberState);
        var stateFocalPoint = await factory.AddFocalPointAsync(stateId);

        var title = $"Community-led housing {token}";
        var docx = StatementDocumentBuilders.Docx("Cities need adequate housing for all.", "We call on Member States to act now.");

        // 1. The delegate submits the DOCX with a co-sponsor and a supporter, and sees the word count before confirming.
        await using var delegateContext = await app.NewContextAsync();
        var delegatePage = await delegateContext.NewPageAsync();
        delegatePage.SetDefaultTimeout(30_000);
        await app.SignInAsync(delegatePage, delegateEmail, DelegatePassword);
        await delegatePage.GotoAsync($"/statements/new?sessionId={sessionId}");
        await delegatePage.SelectOptionAsync("select[name=AgendaItemId]", itemId.ToString(CultureInfo.InvariantCulture));
        await delegatePage.FillAsync("input[name=Title]", title);
        await delegatePage.SelectOptionAsync("select[name=Language]", "en");
        await delegatePage.SetInputFilesAsync("input[name=File]", new FilePayload
        {
            Name = "housing-statement.docx",
            MimeType = IssuedDocumentFiles.DocxContentType,
            Buffer = docx,
        });
        await delegatePage.CheckAsync($"input[name=CoSponsorIds][value='{stateId}']");
        await delegatePage.FillAsync("textarea[name=Supporters]", "Neighbourhood Residents Forum");
        await delegatePage.ClickAsync("button[data-action=preview]");
        await Expect(delegatePage.Locator("main")).ToContainTextAsync("14 words");
        await delegatePage.ClickAsync("button[data-action=confirm]");
        await Expect(delegatePage).ToHaveURLAsync(new Regex(@"/statements/\d+$"));
        var statementId = int.Parse(new Uri(delegatePage.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(StatementStatus.AwaitingCoSponsors, await StatusAsync(factory, statementId));

        // 2. The co-sponsor's focal point confirms in its own browser.
        await using var coSponsorContext = await app.NewContextAsync();
        var coSponsorPage = await coSponsorContext.NewPageAsync();
        coSponsorPage.SetDefaultTimeout(30_000);
        await app.SignInAsync(coSponsorPage, stateFocalPoint.Email!, DelegationBuilders.FocalPointPassword);
        await coSponsorPage.GotoAsync($"/statements/{statementId}/co-sponsor");
        await coSponsorPage.ClickAsync("button[data-action=confirm-co-sponsorship]");
        await Expect(coSponsorPage.Locator("button[data-action=confirm-co-sponsorship]")).ToHaveCountAsync(0);
        Assert.Equal(StatementStatus.Submitted, await StatusAsync(factory, statementId));

        // 3. The secretariat reads it and accepts it: it is issued under the next symbol of the IGO series.
        await using var secretariatContext = await app.NewContextAsync();
        var secretariat = await secretariatContext.NewPageAsync();
        secretariat.SetDefaultTimeout(30_000);
        await app.SignInAsync(secretariat, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
        await secretariat.GotoAsync($"/statements/review/{statementId}");
        await Expect(secretariat.Locator("main")).ToContainTextAsync("Cities need adequate housing for all.");
        await secretariat.ClickAsync("button[data-action=accept]");
        await Expect(secretariat.Locator("button[data-action=accept]")).ToHaveCountAsync(0);
        Assert.Equal(StatementStatus.Issued, await StatusAsync(factory, statementId));
        var symbol = await factory.PublishedSymbolAsync(statementId);
        Assert.NotNull(symbol);
        await Expect(secretariat.Locator("main")).ToContainTextAsync(symbol);

        // 4. Anyone (the co-sponsor's browser, signed out) finds it on the public session page, reads it, downloads it.
        await coSponsorContext.ClearCookiesAsync();
        var reader = coSponsorPage;
        await reader.GotoAsync($"/sessions/{sessionId}");
        await reader.ClickAsync("a.issued-statements-link");
        await Expect(reader).ToHaveURLAsync(new Regex($"/sessions/{sessionId}/statements$"));
        var row = reader.Locator($"tr[data-statement-id='{statementId}']");
        await Expect(row).ToContainTextAsync(symbol);
        await Expect(row).ToContainTextAsync(title);
        await Expect(row).ToContainTextAsync($"Intergovernmental Housing Forum {token}");
        await Expect(row).ToContainTextAsync(stateName);

        await row.Locator("a.statement-symbol").ClickAsync();
        await Expect(reader).ToHaveURLAsync(new Regex($"/statements/issued/{statementId}$"));
        var document = reader.Locator("article.issued-document");
        await Expect(document).ToContainTextAsync(symbol);
        await Expect(document).ToContainTextAsync("Distr.: General");
        await Expect(document).ToContainTextAsync(title);
        await Expect(document).ToContainTextAsync("We call on Member States to act now.");
        await Expect(document.Locator(".co-sponsors")).ToContainTextAsync(stateName);
        await Expect(document).ToContainTextAsync("Neighbourhood Residents Forum");

        var download = await reader.RunAndWaitForDownloadAsync(() => reader.ClickAsync("a.statement-download"));
        Assert.Equal(IssuedDocumentFiles.FileName(symbol, StatementFormat.Docx), download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal(docx, await File.ReadAllBytesAsync(path));
    }

    private static Task<StatementStatus> StatusAsync(SessionsAppFactory factory, int statementId) =>
        factory.WithDbAsync(db => db.WrittenStatements.Where(w => w.Id == statementId).Select(w => w.Status).SingleAsync());
}
