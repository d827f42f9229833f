using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Notices.Reminders;

namespace Sessions.Tests.Notices.Reminders;

/// <summary>
/// The online link goes before each meeting to the approved participants attending online, once each, in their language.
/// The recurring sweep may run by itself too: the assertions are about what is in the outbox, whoever sent it.
/// </summary>
public sealed class OnlineLinkReminderTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private Task<int> SweepAsync() => factory.InScopeAsync(sp => sp.GetRequiredService<SendOnlineLinks.Handler>().SendDueAsync(CancellationToken.None));

    [Fact]
    public async Task The_link_goes_once_to_each_approved_participant_attending_online_in_their_language()
    {
        var now = Now;
        var bodyId = await factory.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(now.AddDays(1)), configure: s =>
        {
            s.HoldAs(SessionFormat.Hybrid);
            s.AddMeeting(1, now.AddHours(3), now.AddHours(6), "Plenary Hall").SetOnlineLink(OnlineParticipationBuilders.Link);
            s.AddMeeting(2, now.AddDays(3), now.AddDays(3).AddHours(3), "Plenary Hall").SetOnlineLink("https://meet.example.org/later");
        });
        var approved = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Online Alliance " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved,
            [
                DelegationBuilders.Nominee("Claire", "Enligne", language: "fr"),
                DelegationBuilders.Nominee("Layla", "Online", language: "ar"),
                DelegationBuilders.Nominee("Ines", "Inroom", language: "es"),
            ]);
        var submitted = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Pending Alliance " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Submitted, [DelegationBuilders.Nominee("Pat", "Pending")]);
        await factory.AttendOnlineAsync(approved.ParticipantIds[0], approved.ParticipantIds[1], submitted.ParticipantIds[0]);
        var addresses = await factory.WithDbAsync(db => db.Participants.Where(p => p.DelegationId == approved.Id || p.DelegationId == submitted.Id)
            .ToDictionaryAsync(p => p.Id, p => p.Email));
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var settings = $"/sessions/manage/{sessionId}/reminders";
        await secretariat.PostFormAsync(settings, new { Occasion = "OnlineMeeting", IsOn = "true", LeadTimes = "1", Version = Guid.Empty.ToString() }, settings);

        await SweepAsync();
        await SweepAsync();

        var sent = await factory.WithDbAsync(db => db.OutboundEmails.AsNoTracking()
            .Where(e => e.Kind == NoticeKinds.OnlineLinkReminder.Key && addresses.Values.Contains(e.ToAddress)).ToListAsync());
        Assert.Equal(2, sent.Count);
        var french = Assert.Single(sent, e => e.ToAddress == addresses[approved.ParticipantIds[0]]);
        var arabic = Assert.Single(sent, e => e.ToAddress == addresses[approved.ParticipantIds[1]]);
        Assert.Equal(("fr", "ar"), (french.Language, arabic.Language));
        Assert.Contains("lien en ligne de la 1e séance", french.Subject);
        Assert.Contains("رابط المشاركة عبر الإنترنت", arabic.Subject);
        Assert.Contains(OnlineParticipationBuilders.Link, french.TextBody);
        Assert.DoesNotContain("meet.example.org/later", french.TextBody);
        Assert.Contains("Links sent so far: 2", await secretariat.GetStringAsync(settings));

        // The second meeting's link goes when its own time comes, once again.
        factory.Clock.Advance(TimeSpan.FromDays(2).Add(TimeSpan.FromHours(1)));
        await SweepAsync();
        await SweepAsync();
        var later = await factory.WithDbAsync(db => db.OutboundEmails.AsNoTracking()
            .Where(e => e.Kind == NoticeKinds.OnlineLinkReminder.Key && addresses.Values.Contains(e.ToAddress) && e.TextBody.Contains("meet.example.org/later")).CountAsync());
        Assert.Equal(2, later);
    }

    [Fact]
    public async Task Nothing_goes_while_the_online_link_reminder_is_off()
    {
        var now = Now;
        var bodyId = await factory.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(now), configure: s =>
        {
            s.HoldAs(SessionFormat.Online);
            s.AddMeeting(1, now.AddHours(1), now.AddHours(4), null).SetOnlineLink(OnlineParticipationBuilders.Link);
        });
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Quiet Alliance " + Guid.NewGuid().ToString("N")[..6], OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Quinn", "Quiet")]);
        await factory.AttendOnlineAsync(delegation.ParticipantIds[0]);
        var email = (await factory.ParticipantAsync(delegation.ParticipantIds[0])).Email;

        await SweepAsync();

        Assert.DoesNotContain(await factory.NoticesToAsync(email), n => n.Kind == NoticeKinds.OnlineLinkReminder.Key);
    }
}
