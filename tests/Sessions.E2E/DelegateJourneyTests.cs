using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>
/// The whole journey of issue 16 in real browsers: a focal point nominates a participant to attend a hybrid session online;
/// the participant follows the emailed link, confirms, creates their account there and uploads a photo; the secretariat
/// approves; the participant finds the session on their home page, sees the photo on the badge, checks in online, asks for
/// the floor and submits a written statement; the roster says present online and the statistics count one online attendance.
/// Three browser profiles: the focal point, the participant, the secretariat.
/// </summary>
public sealed partial class DelegateJourneyTests
{
    private const string ParticipantPassword = "a long participant password";

    [GeneratedRegex(@"/participants/confirm/([A-Za-z0-9_\-]+)")]
    private static partial Regex ConfirmLink();

    [ChromiumFact]
    public async Task A_nominated_participant_gets_an_account_a_photo_a_badge_checks_in_online_asks_for_the_floor_and_submits_a_statement()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var factory = app.Factory;
        var token = OrganisationSeeding.UniqueToken();
        var now = DateTime.UtcNow;

        // The stage: a hybrid session under way, asking for a photo, its meeting open for self check-in with an online link,
        // a speakers list open on its agenda item, and an IGO (an observer) whose focal point has registered its delegation.
        var bodyId = await factory.AddBodyAsync(BodyKind.Assembly, name: $"Habitat Assembly {token}");
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(now), title: $"Journey session {token}", configure: s =>
        {
            s.HoldAs(SessionFormat.Hybrid);
            s.AsksForPhoto = true;
            s.AddAgendaItem("3", "General debate");
            s.SetInscriptionWindow(now.AddDays(-1), now.AddDays(2));
            s.StatementDeadline = now.AddDays(2);
            var meeting = s.AddMeeting(1, now.AddMinutes(-15), now.AddHours(3), "Plenary Hall");
            meeting.SetOnlineLink(OnlineParticipationBuilders.Link);
            meeting.OpenSelfCheckIn();
        });
        var meetingId = await factory.MeetingIdAsync(sessionId);
        var itemId = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.SessionId == sessionId).Select(a => a.Id).SingleAsync());
        var listId = await factory.AddSpeakersListAsync(new SpeakersListBuilders.SpeakersSession(sessionId, itemId, meetingId));
        var organisationName = $"Intergovernmental Housing Forum {token}";
        var organisationId = await factory.AddOrganisationAsync(organisationName, OrganisationCategory.IntergovernmentalOrganisation);
        var focalPointUser = await factory.AddFocalPointAsync(organisationId);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, []);
        var delegationUrl = $"/delegations/{delegation.Id}";
        var participantEmail = $"amina-{token}@example.org";

        // 1. The focal point nominates Amina to attend online and submits the delegation.
        await using var focalPointContext = await app.NewContextAsync();
        var focalPoint = await focalPointContext.NewPageAsync();
        focalPoint.SetDefaultTimeout(30_000);
        await app.SignInAsync(focalPoint, focalPointUser.Email!, DelegationBuilders.FocalPointPassword);
        await focalPoint.GotoAsync($"{delegationUrl}/participants/new");
        await focalPoint.FillAsync("#Title", "Ms.");
        await focalPoint.FillAsync("#GivenName", "Amina");
        await focalPoint.FillAsync("#FamilyName", "Otieno");
        await focalPoint.SelectOptionAsync("#Function", "HeadOfDelegation");
        await focalPoint.FillAsync("#Email", participantEmail);
        await focalPoint.SelectOptionAsync("#PreferredLanguage", "en");
        await focalPoint.CheckAsync("#Attendance-Online");
        await focalPoint.ClickAsync("main form button[type=submit]");
        await Expect(focalPoint).ToHaveURLAsync(new Regex(Regex.Escape(delegationUrl) + "$"));
        await focalPoint.ClickAsync($"form[action='{delegationUrl}/submit'] button[type=submit]");
        await Expect(focalPoint.Locator($"form[action='{delegationUrl}/submit']")).ToHaveCountAsync(0);
        var participantId = await factory.WithDbAsync(db => db.Participants.Where(p => p.DelegationId == delegation.Id).Select(p => p.Id).SingleAsync());
        Assert.Equal(AttendanceMode.Online, (await factory.ParticipantAsync(participantId)).Attendance);

        // 2. The invitation arrives by email; Amina, in her own browser, follows its link and confirms her details.
        var invitation = await factory.WaitForMessageAsync(participantEmail);
        var confirmMatch = ConfirmLink().Match(invitation.TextBody ?? "");
        Assert.True(confirmMatch.Success, $"No confirmation link in \"{invitation.Subject}\":\n{invitation.TextBody}");
        var confirmUrl = confirmMatch.Value;

        await using var participantContext = await app.NewContextAsync();
        var participant = await participantContext.NewPageAsync();
        participant.SetDefaultTimeout(30_000);
        await participant.GotoAsync(confirmUrl);
        await Expect(participant.Locator("main")).ToContainTextAsync(organisationName);
        await Expect(participant.Locator("#Attendance-Online")).ToBeCheckedAsync();
        await participant.ClickAsync($"form[action='{confirmUrl}'] button[type=submit]");
        await Expect(participant.Locator("main")).ToContainTextAsync("Thank you: your details are confirmed.");

        // 3. On the same page she creates her account (its address is the invitation's) and is signed in, linked.
        await participant.FillAsync("#NewAccount_Password", ParticipantPassword);
        await participant.FillAsync("#NewAccount_ConfirmPassword", ParticipantPassword);
        await participant.ClickAsync($"form[action='{confirmUrl}/account'] button[type=submit]");
        await Expect(participant.Locator(".account-linked")).ToBeVisibleAsync();
        Assert.NotNull((await factory.ParticipantAsync(participantId)).UserId);

        // 4. She uploads her photo on the grounds-pass page.
        await participant.ClickAsync("a[data-action=grounds-pass]");
        await Expect(participant.Locator("[data-role=no-photo]")).ToBeVisibleAsync();
        await participant.SetInputFilesAsync("#photo", new FilePayload { Name = "amina.jpg", MimeType = "image/jpeg", Buffer = PhotoBuilders.Jpeg() });
        await participant.ClickAsync("button[data-action=upload-photo]");
        await Expect(participant.Locator("img[data-role=grounds-pass-photo]")).ToBeVisibleAsync();

        // 5. The secretariat approves the delegation from the review queue.
        await using var secretariatContext = await app.NewContextAsync();
        var secretariat = await secretariatContext.NewPageAsync();
        secretariat.SetDefaultTimeout(30_000);
        await app.SignInAsync(secretariat, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
        await secretariat.GotoAsync($"/registrations/review?sessionId={sessionId}");
        await secretariat.CheckAsync($"#select-{delegation.Id}");
        await secretariat.ClickAsync("#review-form button.btn-success");
        // Approving notifies people: the confirmation step says so first.
        await secretariat.ClickAsync("section.confirmation button[type=submit]");
        await secretariat.WaitForURLAsync(url => !url.EndsWith("/approve", StringComparison.Ordinal));
        await secretariat.GotoAsync($"/registrations/{delegation.Id}");
        await Expect(secretariat.Locator("main")).ToContainTextAsync("Approved");
        Assert.Equal(ParticipantStatus.Approved, (await factory.ParticipantAsync(participantId)).Status);

        // 6. Her home page shows the session with her badge and the meeting's online link; the badge carries her photo.
        await participant.GotoAsync("/");
        var card = participant.Locator($"article.my-participation[data-participant='{participantId}']");
        await Expect(card).ToContainTextAsync($"Journey session {token}");
        await Expect(card.Locator("ul.online-meetings a")).ToHaveAttributeAsync("href", OnlineParticipationBuilders.Link);
        await card.Locator("a.badge-link").ClickAsync();
        await Expect(participant).ToHaveURLAsync(new Regex(@"/badges/[^/]+$"));
        await Expect(participant.Locator("main")).ToContainTextAsync("OTIENO", new() { IgnoreCase = true });
        await Expect(participant.Locator("img[data-role=badge-photo]")).ToBeVisibleAsync();
        await participant.WaitForFunctionAsync("() => { const img = document.querySelector('img[data-role=badge-photo]'); return img && img.complete && img.naturalWidth > 0; }");

        // 7. She checks in online to the meeting, where the online link is offered too.
        await participant.GotoAsync("/");
        await card.Locator("a.check-in-link").ClickAsync();
        await Expect(participant).ToHaveURLAsync(new Regex("/check-in$"));
        await Expect(participant.Locator("a.online-link")).ToHaveAttributeAsync("href", OnlineParticipationBuilders.Link);
        await participant.ClickAsync("button[data-action=self-check-in]");
        await Expect(participant.Locator("[data-outcome=confirmed]")).ToBeVisibleAsync();
        await Expect(participant.Locator("button[data-action=self-check-in]")).ToHaveCountAsync(0);

        // 8. She asks for the floor on the agenda item, from her home page through the session's speakers lists.
        await participant.GotoAsync("/");
        await card.Locator("a.speakers-lists-link").ClickAsync();
        await participant.ClickAsync($"a[data-action=ask-for-the-floor][href='/speakers/{listId}/inscribe']");
        await participant.SelectOptionAsync("#Kind", "Statement");
        await participant.SelectOptionAsync("#SpeakerParticipantId", participantId.ToString(CultureInfo.InvariantCulture));
        await participant.SelectOptionAsync("#Level", "HeadOfDelegationOrAmbassador");
        await participant.ClickAsync($"form[action='/speakers/{listId}/inscribe'] button[type=submit]");
        await Expect(participant).ToHaveURLAsync(new Regex("/speakers/mine$"));
        await Expect(participant.Locator("main")).ToContainTextAsync("The request for the floor is on the list, at place 1.");
        var inscription = Assert.Single(await factory.InscriptionsOfAsync(listId));
        Assert.Equal((delegation.Id, (int?)participantId), (inscription.DelegationId, inscription.SpeakerParticipantId));

        // 9. She submits a written statement from her home page.
        await participant.GotoAsync("/");
        await card.Locator("a.submit-statement-link").ClickAsync();
        await participant.SelectOptionAsync("select[name=AgendaItemId]", itemId.ToString(CultureInfo.InvariantCulture));
        await participant.FillAsync("input[name=Title]", $"Housing online {token}");
        await participant.SelectOptionAsync("select[name=Language]", "en");
        await participant.SetInputFilesAsync("input[name=File]", new FilePayload
        {
            Name = "housing-statement.docx",
            MimeType = IssuedDocumentFiles.DocxContentType,
            Buffer = StatementDocumentBuilders.Docx("Cities need adequate housing for all."),
        });
        await participant.ClickAsync("button[data-action=preview]");
        await Expect(participant.Locator("main")).ToContainTextAsync("6 words");
        await participant.ClickAsync("button[data-action=confirm]");
        await Expect(participant).ToHaveURLAsync(new Regex(@"/statements/\d+$"));
        var statement = await factory.WithDbAsync(db => db.WrittenStatements.AsNoTracking().SingleAsync(w => w.SessionId == sessionId));
        Assert.Equal((StatementStatus.Submitted, delegation.Id), (statement.Status, statement.DelegationId));

        // 10. The roster says present online, by herself; the statistics count one online attendance for the session.
        await secretariat.GotoAsync($"/sessions/manage/{sessionId}/meetings/{meetingId}/roster");
        var recorded = secretariat.Locator($"tr[data-participant='{participantId}'] td[data-status=Present]");
        await Expect(recorded).ToHaveAttributeAsync("data-took-part", "Online");
        await Expect(recorded).ToContainTextAsync("online");
        var record = await factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.ParticipantId == participantId && a.MeetingId == meetingId));
        Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Self, AttendanceMode.Online), (record.Status, record.Method, record.Mode));

        var day = DateOnly.FromDateTime(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await secretariat.GotoAsync($"/statistics/participation?bodyId={bodyId}&from={day}&to={day}");
        var row = secretariat.Locator($"table[data-role=by-session] tr[data-session-id='{sessionId}']");
        await Expect(row.Locator("td[data-figure=online]")).ToHaveTextAsync("1");
        await Expect(row.Locator("td[data-figure=in-the-room]")).ToHaveTextAsync("0");
    }
}
