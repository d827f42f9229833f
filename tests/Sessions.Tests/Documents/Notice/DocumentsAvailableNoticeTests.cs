using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Documents.Notice;

namespace Sessions.Tests.Documents.Notice;

/// <summary>
/// The documents-available notice goes at most once a day per session and recipient, from the configured hour at the venue,
/// listing what no notice listed before, in the recipient's language. The hourly sweep may also run by itself: the
/// assertions are about what is in the outbox, and each test writes its documents in one save.
/// </summary>
public sealed class DocumentsAvailableNoticeTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private const string Nairobi = "Africa/Nairobi";

    private Task<int> SweepAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<SendDocumentsAvailableNotice.Handler>().SendDueAsync(CancellationToken.None));

    /// <summary>Moves the clock forward to the next <paramref name="hour"/>:00 at the venue.</summary>
    private DateOnly MoveTo(int hour)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var local = VenueClock.ToLocal(now, Nairobi);
        var target = local.Date.AddHours(hour);
        if (target <= local)
        {
            target = target.AddDays(1);
        }

        factory.Clock.Advance(VenueClock.ToUtc(target, Nairobi) - now);
        return DateOnly.FromDateTime(target);
    }

    private sealed record Scenario(int SessionId, string Symbol, string English, string French, string Spanish, string Withdrawn);

    /// <summary>A published session in Nairobi with an approved delegation (an English and a French participant, one withdrawn) and its Spanish focal point.</summary>
    private async Task<Scenario> SessionWithPeopleAsync()
    {
        var bodyId = await factory.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddDays(60)));
        var organisationId = await factory.AddOrganisationAsync("Documents Alliance " + OrganisationSeeding.UniqueToken(), OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Approved,
        [
            DelegationBuilders.Nominee("Emma", "English"),
            DelegationBuilders.Nominee("Francine", "Francais", language: "fr"),
            DelegationBuilders.Nominee("Walter", "Withdrawn"),
        ]);
        var focalPoint = await factory.AddFocalPointAsync(organisationId, "es");
        var (symbol, emails) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var withdrawn = await db.Participants.SingleAsync(p => p.Id == delegation.ParticipantIds[2]);
            withdrawn.Withdraw(DateTime.UtcNow);
            await db.SaveChangesAsync();
            var emails = await db.Participants.Where(p => p.DelegationId == delegation.Id).OrderBy(p => p.Id).Select(p => p.Email).ToListAsync();
            return (await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync(), emails);
        });
        return new Scenario(sessionId, symbol, emails[0], emails[1], focalPoint.Email!, emails[2]);
    }

    private sealed record NewDocument(string Tail, TranslatedText Title, DateOnly? DistributedOn, string[] Languages, bool Announced = false);

    /// <summary>Adds the documents, and language versions to existing ones (by symbol), in one save; returns the documents' ids by symbol tail.</summary>
    private Task<Dictionary<string, int>> AddAsync(Scenario scenario, NewDocument[] documents, (string Tail, string Language)[]? versions = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var store = sp.GetRequiredService<IFileStore>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var added = new List<SessionDocument>();
            async Task AddFileAsync(SessionDocument document, string language, bool announced)
            {
                var stored = await store.SaveAsync(new MemoryStream(TestPdf.Bytes(document.Symbol)), "version.pdf", UploadRule.StatementDocument, null);
                db.StoredFiles.Add(stored);
                document.AddFile(language, stored.Id, null, now).AnnouncedAt = announced ? now : null;
            }

            foreach (var d in documents)
            {
                var document = new SessionDocument(scenario.SessionId, scenario.Symbol, $"{scenario.Symbol}/{d.Tail}", DocumentKind.PreSession, d.Title, now);
                document.Distribute(d.DistributedOn);
                foreach (var language in d.Languages)
                {
                    await AddFileAsync(document, language, d.Announced);
                }

                db.Documents.Add(document);
                added.Add(document);
            }

            foreach (var (tail, language) in versions ?? [])
            {
                var document = await db.Documents.Include(x => x.Files).SingleAsync(x => x.Symbol == $"{scenario.Symbol}/{tail}");
                await AddFileAsync(document, language, false);
            }

            await db.SaveChangesAsync();
            return added.ToDictionary(d => d.Symbol[(scenario.Symbol.Length + 1)..], d => d.Id);
        });

    private Task<List<OutboundEmail>> NoticesToAsync(string address) =>
        factory.WithDbAsync(db => db.OutboundEmails.AsNoTracking()
            .Where(e => e.ToAddress == address && e.Kind == NoticeKinds.DocumentsAvailable.Key).OrderBy(e => e.Id).ToListAsync());

    private static TranslatedText Title(string english, string? french = null)
    {
        var title = TranslatedText.English(english);
        if (french is not null)
        {
            title.Translate(Languages.French, french);
        }

        return title;
    }

    [Fact]
    public async Task Two_documents_and_a_new_version_go_out_as_one_notice_a_day_in_the_recipients_language_and_never_to_the_withdrawn()
    {
        var today = MoveTo(10);
        var scenario = await SessionWithPeopleAsync();
        var earlier = await AddAsync(scenario, [new("3", Title("Report of the Executive Director", "Rapport de la Directrice exécutive"), today.AddDays(-5), ["en"], Announced: true)]);
        var ids = await AddAsync(scenario,
            [
                new("1", Title("Provisional agenda", "Ordre du jour provisoire"), today, ["en", "fr"]),
                new("2", Title("Cooperation with partners"), today.AddDays(-1), ["en"]),
                new("L.1", Title("Draft report"), null, ["en", "fr"]),
                new("5", Title("Not yet distributed"), today.AddDays(3), ["en"]),
            ],
            [("3", "fr")]);

        // Before the hour at the venue, nothing goes.
        await SweepAsync();
        Assert.Empty(await NoticesToAsync(scenario.English));

        MoveTo(17);
        await SweepAsync();
        await SweepAsync();

        var english = Assert.Single(await NoticesToAsync(scenario.English));
        var symbol = scenario.Symbol;
        var documents = $"http://localhost/sessions/{scenario.SessionId}/documents";
        Assert.Contains($"{symbol}: new documents available", english.Subject);
        Assert.Contains($"- {symbol}/1 — Provisional agenda\n  {documents}/{ids["1"]}/en\n", english.TextBody);
        Assert.Contains($"- {symbol}/2 — Cooperation with partners\n  {documents}/{ids["2"]}/en\n", english.TextBody);
        Assert.Contains($"- {symbol}/3 — Report of the Executive Director\n  {documents}/{earlier["3"]}/en\n", english.TextBody);
        Assert.Contains($"All the documents of the session: {documents}\n", english.TextBody);
        Assert.DoesNotContain("Draft report", english.TextBody);
        Assert.DoesNotContain("Not yet distributed", english.TextBody);

        // In French: French titles and the French version's link where there is one, the document's page otherwise.
        var french = Assert.Single(await NoticesToAsync(scenario.French));
        Assert.Equal("fr", french.Language);
        Assert.Contains($"- {symbol}/1 — Ordre du jour provisoire\n  {documents}/{ids["1"]}/fr\n", french.TextBody);
        Assert.Contains($"- {symbol}/2 — Cooperation with partners\n  {documents}/{ids["2"]}\n", french.TextBody);
        Assert.Contains($"- {symbol}/3 — Rapport de la Directrice exécutive\n  {documents}/{earlier["3"]}/fr\n", french.TextBody);
        Assert.Contains($"<a href=\"{documents}/{ids["2"]}\" lang=\"en\" dir=\"ltr\">{symbol}/2 — Cooperation with partners</a>", french.HtmlBody);
        Assert.Contains($"<a href=\"{documents}/{ids["1"]}/fr\">{symbol}/1 — Ordre du jour provisoire</a>", french.HtmlBody);

        // The focal point hears of it in Spanish; the withdrawn participant not at all.
        Assert.Equal("es", Assert.Single(await NoticesToAsync(scenario.Spanish)).Language);
        Assert.Empty(await NoticesToAsync(scenario.Withdrawn));

        // The draft's and the future document's files wait; the listed ones are marked.
        var unannounced = await factory.WithDbAsync(db => db.DocumentFiles.AsNoTracking()
            .Where(f => f.AnnouncedAt == null && db.Documents.Any(d => d.Id == f.DocumentId && d.SessionId == scenario.SessionId))
            .Select(f => f.DocumentId).ToListAsync());
        Assert.Equal(new[] { ids["5"], ids["L.1"], ids["L.1"] }.Order(), unannounced.Order());

        // Another upload the same day waits for the next day's notice.
        await AddAsync(scenario, [new("6", Title("List of documents"), today, ["en"])]);
        await SweepAsync();
        Assert.Single(await NoticesToAsync(scenario.English));

        MoveTo(17);
        await SweepAsync();
        var notices = await NoticesToAsync(scenario.English);
        Assert.Equal(2, notices.Count);
        Assert.Contains($"{symbol}/6 — List of documents", notices[1].TextBody);
        Assert.DoesNotContain("Provisional agenda", notices[1].TextBody);
        Assert.Equal(2, (await NoticesToAsync(scenario.French)).Count);
    }

    [Fact]
    public async Task Runs_at_the_same_time_write_the_days_notice_once()
    {
        var today = MoveTo(17);
        var scenario = await SessionWithPeopleAsync();
        await AddAsync(scenario, [new("1", Title("Provisional agenda"), today, ["en"])]);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => factory.InScopeAsync(sp =>
            sp.GetRequiredService<SendDocumentsAvailableNotice.Handler>().SendAsync(scenario.SessionId, CancellationToken.None)))));

        Assert.Single(await NoticesToAsync(scenario.English));
        Assert.Single(await NoticesToAsync(scenario.French));
        Assert.Equal(1, await factory.WithDbAsync(db => db.DocumentsAvailableNotices.CountAsync(n => n.SessionId == scenario.SessionId)));
        Assert.Equal(3, runs.Sum());
    }

    [Fact]
    public async Task The_secretariat_sends_todays_notice_before_the_hour_after_confirming_and_only_once()
    {
        var today = MoveTo(9);
        var scenario = await SessionWithPeopleAsync();
        await AddAsync(scenario, [new("1", Title("Provisional agenda"), today, ["en", "fr"])]);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var reminders = $"/sessions/manage/{scenario.SessionId}/reminders";
        var sendNow = $"{reminders}/documents-notice";
        Assert.Contains("data-waiting-files=\"2\"", await secretariat.GetStringAsync(reminders));

        var asked = await secretariat.PostPageFormAsync(sendNow, new { }, reminders);
        var question = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Send today's documents notice now?", System.Net.WebUtility.HtmlDecode(question));
        Assert.Contains("Recipients: 3", question);
        Assert.Contains("Documents listed: 1", question);
        Assert.Empty(await NoticesToAsync(scenario.English));

        var sent = await secretariat.PostConfirmedPageFormAsync(sendNow, new { }, reminders);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(await NoticesToAsync(scenario.English));
        var page = await secretariat.GetStringAsync(reminders);
        Assert.Contains("Documents notice sent. Recipients: 3", page);
        Assert.Contains("data-waiting-files=\"0\"", page);

        // A second press, or the hour coming, sends nothing more today.
        await secretariat.PostConfirmedPageFormAsync(sendNow, new { }, reminders);
        MoveTo(17);
        await SweepAsync();
        Assert.Single(await NoticesToAsync(scenario.English));
    }

    [Fact]
    public async Task Nothing_is_sent_and_nothing_marked_while_only_drafts_have_files()
    {
        MoveTo(17);
        var scenario = await SessionWithPeopleAsync();
        await AddAsync(scenario, [new("L.1", Title("Draft report"), null, ["en"])]);

        await SweepAsync();

        Assert.Empty(await NoticesToAsync(scenario.English));
        Assert.Equal(0, await factory.WithDbAsync(db => db.DocumentsAvailableNotices.CountAsync(n => n.SessionId == scenario.SessionId)));
        Assert.False(await factory.WithDbAsync(db => db.DocumentFiles.AnyAsync(f => f.AnnouncedAt != null && db.Documents.Any(d => d.Id == f.DocumentId && d.SessionId == scenario.SessionId))));
    }
}
