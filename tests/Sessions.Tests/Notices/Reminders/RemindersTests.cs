using System.Globalization;
using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Notices.Reminders;

namespace Sessions.Tests.Notices.Reminders;

/// <summary>
/// Reminders through the real host, its clock moved by the test. The recurring sweep may run by itself in the
/// background too: every assertion is about what is in the outbox, which must be the same whoever sent it.
/// </summary>
public sealed class RemindersTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private async Task<int> NewSessionAsync(Action<Session> configure)
    {
        var bodyId = await factory.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        return await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(Now.AddDays(40)), configure: configure);
    }

    private Task<int> SweepAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<SendReminders.Handler>().SendDueAsync(CancellationToken.None));

    private Task ConfigureAsync(int sessionId, ReminderOccasion occasion, string leadTimes) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<ReminderSettings.Handler>().SaveAsync(sessionId, new ReminderSettings.Command { Occasion = occasion, IsOn = true, LeadTimes = leadTimes }));

    private Task<List<OutboundEmail>> RemindersAsync(NoticeKind kind, IEnumerable<string> addresses)
    {
        var list = addresses.ToList();
        return factory.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => e.Kind == kind.Key && list.Contains(e.ToAddress)).OrderBy(e => e.Id).ToListAsync());
    }

    private Task<List<ScheduledReminder>> ScheduleAsync(int sessionId, ReminderOccasion occasion) =>
        factory.WithDbAsync(db => db.ScheduledReminders.AsNoTracking().Where(s => s.Reminder!.SessionId == sessionId && s.Reminder.Occasion == occasion).OrderBy(s => s.DueAt).ToListAsync());

    [Fact]
    public async Task Secretariat_sets_reminders_and_the_nomination_reminder_reaches_only_focal_points_of_draft_delegations()
    {
        var deadline = Now.AddDays(10);
        var sessionId = await NewSessionAsync(s => s.NominationDeadline = deadline);
        var draftFr = await factory.AddOrganisationAsync("Draft Organisation " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState);
        var draftAr = await factory.AddOrganisationAsync("Draft Organisation " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState);
        var submitted = await factory.AddOrganisationAsync("Submitted Organisation " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState);
        var frDelegation = await factory.AddDelegationAsync(sessionId, draftFr, Capacity.Member, RegistrationStatus.Draft, []);
        await factory.AddDelegationAsync(sessionId, draftAr, Capacity.Member, RegistrationStatus.Draft, []);
        await factory.AddDelegationAsync(sessionId, submitted, Capacity.Member, RegistrationStatus.Submitted, [DelegationBuilders.Nominee("Sam", "Submitted")]);
        var fr = await factory.AddFocalPointAsync(draftFr, "fr");
        var ar = await factory.AddFocalPointAsync(draftAr, "ar");
        var done = await factory.AddFocalPointAsync(submitted, "en");
        var pending = await factory.CreateUserAsync(DelegationBuilders.NewEmail("pending"), "a-long-test-password", Roles.FocalPoint);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.FocalPoints.Add(new FocalPoint(draftFr, pending.Id, FocalPointStatus.Pending, Now));
            await db.SaveChangesAsync();
        });
        var everyone = new[] { fr.Email!, ar.Email!, done.Email!, pending.Email! };

        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var url = $"/sessions/manage/{sessionId}/reminders";
        Assert.Contains("Before nominations close", await client.GetStringAsync(url));
        var saved = await client.PostFormAsync(url, new { Occasion = "NominationDeadline", IsOn = "true", LeadTimes = "7, 1", Version = Guid.Empty });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var schedule = await ScheduleAsync(sessionId, ReminderOccasion.NominationDeadline);
        Assert.Equal([deadline.AddDays(-7), deadline.AddDays(-1)], schedule.Select(s => s.DueAt!.Value));
        Assert.All(schedule, s => Assert.Null(s.SentAt));

        // Not due yet.
        await SweepAsync();
        Assert.Empty(await RemindersAsync(NoticeKinds.NominationDeadlineReminder, everyone));

        factory.Clock.Advance(TimeSpan.FromDays(3.5));
        await SweepAsync();
        await SweepAsync();

        var sent = await RemindersAsync(NoticeKinds.NominationDeadlineReminder, everyone);
        Assert.Equal(new[] { ar.Email, fr.Email }.Order(), sent.Select(e => e.ToAddress).Order());
        var french = sent.Single(e => e.ToAddress == fr.Email);
        Assert.Equal("fr", french.Language);
        Assert.Contains("les désignations sont closes le", french.Subject);
        Assert.Contains($"http://localhost/delegations/{frDelegation.Id}", french.TextBody);
        Assert.Contains($"href=\"http://localhost/delegations/{frDelegation.Id}\"", french.HtmlBody);
        Assert.Contains("يُغلق باب التسمية", sent.Single(e => e.ToAddress == ar.Email).Subject);

        schedule = await ScheduleAsync(sessionId, ReminderOccasion.NominationDeadline);
        Assert.NotNull(schedule[0].SentAt);
        Assert.Equal(2, schedule[0].RecipientCount);
        Assert.Null(schedule[1].SentAt);
        Assert.Contains("to 2 recipients", WebUtility.HtmlDecode(await client.GetStringAsync(url)));

        // The one-day reminder goes out in its turn, once.
        factory.Clock.Advance(TimeSpan.FromDays(6));
        await SweepAsync();
        await SweepAsync();
        Assert.Equal(4, (await RemindersAsync(NoticeKinds.NominationDeadlineReminder, everyone)).Count);
    }

    [Fact]
    public async Task The_scheduled_job_and_the_sweep_running_at_once_send_a_reminder_once_to_participants_who_have_not_confirmed()
    {
        var sessionId = await NewSessionAsync(s => s.RegistrationDeadline = Now.AddDays(5));
        var organisation = await factory.AddOrganisationAsync("Registration Org " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState);
        var withdrawnOrganisation = await factory.AddOrganisationAsync("Withdrawn Org " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState);
        var nominees = Enumerable.Range(0, 3).Select(i => DelegationBuilders.Nominee("Nominee" + i, "Waiting", language: i == 0 ? "es" : "en")).ToList();
        var confirmed = DelegationBuilders.Nominee("Cora", "Confirmed");
        var delegation = await factory.AddDelegationAsync(sessionId, organisation, Capacity.Member, RegistrationStatus.Submitted, [.. nominees, confirmed]);
        var withdrawn = DelegationBuilders.Nominee("Will", "Withdrawn");
        await factory.AddDelegationAsync(sessionId, withdrawnOrganisation, Capacity.Member, RegistrationStatus.Withdrawn, [withdrawn]);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Participants.SingleAsync(p => p.Id == delegation.ParticipantIds[3])).Confirm(Now);
            await db.SaveChangesAsync();
        });
        var everyone = nominees.Select(n => n.Email).Append(confirmed.Email).Append(withdrawn.Email).ToList();

        await ConfigureAsync(sessionId, ReminderOccasion.RegistrationDeadline, "1");
        var id = (await ScheduleAsync(sessionId, ReminderOccasion.RegistrationDeadline)).Single().Id;
        // Hangfire holds a job at the due time, four days from the app's now.
        var jobs = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10_000);
        Assert.Contains(jobs, j => j.Value.Job.Type == typeof(SendReminders.Handler) && j.Value.Job.Method.Name == nameof(SendReminders.Handler.SendAsync)
            && Convert.ToInt32(j.Value.Job.Args[0], CultureInfo.InvariantCulture) == id && j.Value.EnqueueAt > DateTime.UtcNow.AddDays(3.9));
        factory.Clock.Advance(TimeSpan.FromDays(4.5));

        var results = await Task.WhenAll(
            Task.Run(() => factory.InScopeAsync(sp => sp.GetRequiredService<SendReminders.Handler>().SendAsync(id, CancellationToken.None))),
            Task.Run(() => factory.InScopeAsync(async sp => (int?)await sp.GetRequiredService<SendReminders.Handler>().SendDueAsync(CancellationToken.None))),
            Task.Run(() => factory.InScopeAsync(sp => sp.GetRequiredService<SendReminders.Handler>().SendAsync(id, CancellationToken.None))));

        var sent = await RemindersAsync(NoticeKinds.RegistrationDeadlineReminder, everyone);
        Assert.Equal(nominees.Select(n => n.Email).Order(), sent.Select(e => e.ToAddress).Order());
        Assert.Equal(3, (await ScheduleAsync(sessionId, ReminderOccasion.RegistrationDeadline)).Single().RecipientCount);
        Assert.True(results[0] is null || results[2] is null, "The two scheduled runs both claimed the reminder.");
        var spanish = sent.Single(e => e.ToAddress == nominees[0].Email);
        var symbol = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync());
        Assert.StartsWith(symbol + ": confirme sus datos", spanish.Subject);
        var token = (await factory.ParticipantAsync(delegation.ParticipantIds[0])).ConfirmationToken;
        Assert.Contains($"http://localhost/participants/confirm/{token}", spanish.TextBody);
    }

    [Fact]
    public async Task Moving_a_deadline_on_the_session_form_reschedules_its_reminders_and_arms_a_sent_one_again()
    {
        var sessionId = await NewSessionAsync(s => s.StatementDeadline = Now.AddDays(3));
        var organisation = await factory.AddOrganisationAsync("Statement Org " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState);
        await factory.AddDelegationAsync(sessionId, organisation, Capacity.Member, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Ada", "Approved")]);
        var focalPoint = await factory.AddFocalPointAsync(organisation, "ru");
        await ConfigureAsync(sessionId, ReminderOccasion.StatementDeadline, "2");
        factory.Clock.Advance(TimeSpan.FromDays(1.5));
        await SweepAsync();
        Assert.Single(await RemindersAsync(NoticeKinds.StatementDeadlineReminder, [focalPoint.Email!]));
        Assert.NotNull((await ScheduleAsync(sessionId, ReminderOccasion.StatementDeadline)).Single().SentAt);

        // The secretariat moves the deadline ten days later, typed at the venue's clock (Nairobi, UTC+3).
        var session = await factory.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        var newDeadline = session.StatementDeadline!.Value.AddDays(10);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var edit = $"/sessions/manage/{sessionId}/edit";
        var response = await client.PostPageFormAsync(edit, HttpClientExtensions.ToFields(new
        {
            session.BodyId,
            session.Number,
            session.Symbol,
            session.TimeZoneId,
            OpensOn = session.OpensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ClosesOn = session.ClosesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StatementDeadline = session.ToLocal(newDeadline).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            IsPublished = "true",
        }).Append(new("Title.En", session.Title.Original)).Append(new("Venue.En", session.Venue.Original)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var scheduled = (await ScheduleAsync(sessionId, ReminderOccasion.StatementDeadline)).Single();
        Assert.Null(scheduled.SentAt);
        Assert.Equal(newDeadline.AddDays(-2), scheduled.DueAt!.Value, TimeSpan.FromMinutes(1));

        await SweepAsync();
        Assert.Single(await RemindersAsync(NoticeKinds.StatementDeadlineReminder, [focalPoint.Email!]));
        factory.Clock.Advance(TimeSpan.FromDays(10));
        await SweepAsync();
        var sent = await RemindersAsync(NoticeKinds.StatementDeadlineReminder, [focalPoint.Email!]);
        Assert.Equal(2, sent.Count);
        Assert.Contains("письменные заявления принимаются до", sent[1].Subject);
    }

    [Fact]
    public async Task The_opening_reminder_brings_approved_participants_their_badge()
    {
        var sessionId = await NewSessionAsync(_ => { });
        var organisation = await factory.AddOrganisationAsync("Opening Org " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState);
        var approved = DelegationBuilders.Nominee("Zhang", "Wei", language: "zh");
        var delegation = await factory.AddDelegationAsync(sessionId, organisation, Capacity.Member, RegistrationStatus.Approved, [approved]);
        var waiting = DelegationBuilders.Nominee("Not", "Approved");
        await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Other Org " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.MemberState), Capacity.Member, RegistrationStatus.Submitted, [waiting]);
        await ConfigureAsync(sessionId, ReminderOccasion.Opening, "3");

        factory.Clock.Advance(TimeSpan.FromDays(38));
        await SweepAsync();

        var sent = Assert.Single(await RemindersAsync(NoticeKinds.OpeningReminder, [approved.Email, waiting.Email]));
        Assert.Equal(approved.Email, sent.ToAddress);
        Assert.Equal("zh", sent.Language);
        var badge = (await factory.ParticipantAsync(delegation.ParticipantIds[0])).BadgeToken;
        Assert.Contains($"http://localhost/badges/{badge}", sent.TextBody);
        Assert.Contains("开幕", sent.Subject);
    }

    [Fact]
    public async Task A_lead_time_that_cannot_be_read_is_refused_with_what_was_typed_kept()
    {
        var sessionId = await NewSessionAsync(s => s.NominationDeadline = Now.AddDays(10));
        var client = factory.CreateBrowser("fr");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var url = $"/sessions/manage/{sessionId}/reminders";

        var response = await client.PostFormAsync(url, new { Occasion = "NominationDeadline", IsOn = "true", LeadTimes = "7, soon", Version = Guid.Empty });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("« soon » n’est pas un délai", html);
        Assert.Contains("value=\"7, soon\"", html);
        Assert.Empty(await factory.WithDbAsync(db => db.Reminders.Where(r => r.SessionId == sessionId).ToListAsync()));
    }

    [Theory]
    [InlineData("ar", "قبل إغلاق باب التسمية")]
    [InlineData("zh", "提名截止前")]
    [InlineData("en", "Before nominations close")]
    [InlineData("fr", "Avant la clôture des désignations")]
    [InlineData("ru", "До окончания приема кандидатур")]
    [InlineData("es", "Antes del cierre de las designaciones")]
    public async Task The_reminders_page_speaks_the_secretariats_language(string language, string nominationHeading)
    {
        var sessionId = await NewSessionAsync(s => s.NominationDeadline = Now.AddDays(10));
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/sessions/manage/{sessionId}/reminders"));

        Assert.Contains(nominationHeading, html);
        Assert.Contains($"lang=\"{language}\"", html);
        Assert.Contains($"href=\"/sessions/manage/{sessionId}/reminders\"", WebUtility.HtmlDecode(await client.GetStringAsync($"/sessions/manage/{sessionId}")));
    }

    [Fact]
    public async Task A_focal_point_cannot_open_the_reminders_page()
    {
        var sessionId = await NewSessionAsync(_ => { });
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        await client.AssertForbiddenAsync($"/sessions/manage/{sessionId}/reminders");
    }
}
