using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Delegations;

/// <summary>
/// What a delegate reaches through their linked participation: their own delegation's routes while the participation
/// is active, never another delegation's (404, route by route), and nothing of the session once withdrawn or rejected.
/// </summary>
public sealed class DelegateAccessTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_delegate_of_one_delegation_gets_404_on_every_route_of_another_delegation()
    {
        var world = await WorldAsync();
        var delegate_ = factory.CreateBrowser();
        var account = await delegate_.SignInAsDelegateAsync(factory, world.Own.ParticipantIds[0]);
        await LinkAsync(world.OwnInStatementsParticipantId, account.Id);
        var victim = world.Victim;
        var statementId = await world.VictimSubmitter.Client.SubmitStatementAsync(world.Statements.SessionId, world.VictimSubmitter.StatementForm(world.Statements, pastedText: Words(80)));
        var victimBadge = (await factory.ParticipantAsync(victim.ParticipantIds[0])).BadgeToken!;
        var ownBadge = (await factory.ParticipantAsync(world.Own.ParticipantIds[0])).BadgeToken!;

        // Their own delegation's pages answer: the 404s below are about the id, not the person.
        Assert.Equal(HttpStatusCode.OK, (await delegate_.GetAsync($"/speakers/{world.ListId}/inscribe?delegationId={world.Own.DelegationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await delegate_.GetAsync($"/statements/new?sessionId={world.Statements.SessionId}&delegationId={world.OwnInStatements}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await delegate_.GetAsync($"/badges/{ownBadge}")).StatusCode);

        foreach (var url in new[]
        {
            $"/speakers/{world.ListId}/inscribe?delegationId={victim.DelegationId}",
            $"/statements/new?sessionId={world.Statements.SessionId}&delegationId={world.VictimSubmitter.DelegationId}",
            $"/statements/{statementId}",
            $"/statements/{statementId}/file",
            $"/statements/{statementId}/co-sponsor",
            $"/badges/{victimBadge}",
            $"/badges/{victimBadge}/qr.png",
            $"/badges/delegation/{victim.DelegationId}",
        })
        {
            Assert.True(HttpStatusCode.NotFound == (await delegate_.GetAsync(url)).StatusCode, $"GET {url}");
        }

        var inscribe = await delegate_.PostFormAsync($"/speakers/{world.ListId}/inscribe", SpeakersListBuilders.InscriptionForm(victim.DelegationId, victim.ParticipantIds[0]), $"/speakers/{world.ListId}/inscribe");
        var submit = await delegate_.PreviewAsync(world.Statements.SessionId, world.VictimSubmitter.StatementForm(world.Statements, pastedText: Words(80)));
        var withdraw = await delegate_.PostConfirmedFormAsync($"/statements/{statementId}/withdraw", new { Version = (await factory.StatementAsync(statementId)).Version }, "/statements/mine");
        var coSponsor = await delegate_.PostFormAsync($"/statements/{statementId}/co-sponsor", new { OrganisationId = world.VictimSubmitter.OrganisationId, Answer = "confirm" }, "/statements/mine");
        var checkIn = await delegate_.PostFormAsync($"/check-in/{world.VictimMeetingId}", new Dictionary<string, string>(), "/check-in");

        Assert.Equal(HttpStatusCode.NotFound, inscribe.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, coSponsor.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        Assert.Contains("You are not registered for this session.", await delegate_.GetStringAsync("/check-in"));
        Assert.Empty(await factory.InscriptionsOfAsync(world.ListId));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Attendance.CountAsync(a => a.MeetingId == world.VictimMeetingId)));
        Assert.Single(await factory.StatementsOfSessionAsync(world.Statements.SessionId));
    }

    [Fact]
    public async Task A_delegate_without_a_focal_points_role_is_refused_every_focal_point_delegation_route()
    {
        var scenario = await factory.StartDelegationAsync();
        await scenario.Client.NominateAsync(scenario.DelegationId, NewEmail("member"));
        var participantId = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().Id;
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsDelegateAsync(factory, participantId);
        var id = scenario.DelegationId;

        foreach (var url in new[] { "/delegations", $"/delegations/{id}", $"/delegations/{id}/letter", $"/delegations/{id}/participants/new", $"/delegations/{id}/participants/{participantId}/edit" })
        {
            await delegate_.AssertForbiddenAsync(url);
        }

        // Even their own delegation's roster is the focal point's to change.
        var withdraw = await delegate_.PostConfirmedFormAsync($"/delegations/{id}/participants/{participantId}/withdraw", new { }, $"/participants/confirm/{(await factory.ParticipantAsync(participantId)).ConfirmationToken}");
        await delegate_.AssertForbiddenAsync(withdraw);
        Assert.Equal(ParticipantStatus.Nominated, (await factory.ParticipantAsync(participantId)).Status);
    }

    [Theory]
    [InlineData(ParticipantStatus.Withdrawn)]
    [InlineData(ParticipantStatus.Rejected)]
    public async Task A_withdrawn_or_rejected_participant_keeps_the_account_and_role_but_loses_the_floor_statements_and_self_check_in(ParticipantStatus outcome)
    {
        var world = await WorldAsync();
        var delegate_ = factory.CreateBrowser();
        var account = await delegate_.SignInAsDelegateAsync(factory, world.Own.ParticipantIds[0]);
        await LinkAsync(world.OwnInStatementsParticipantId, account.Id);
        await LinkAsync(world.OwnAtMeetingParticipantId, account.Id);
        var inscribe = $"/speakers/{world.ListId}/inscribe?delegationId={world.Own.DelegationId}";
        var submit = $"/statements/new?sessionId={world.Statements.SessionId}&delegationId={world.OwnInStatements}";
        Assert.Equal(HttpStatusCode.OK, (await delegate_.GetAsync(inscribe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await delegate_.GetAsync(submit)).StatusCode);
        Assert.Contains($"/check-in/{world.OwnMeetingId}", await delegate_.GetStringAsync("/check-in"));

        await DecideAsync(outcome, world.Own.ParticipantIds[0], world.OwnInStatementsParticipantId, world.OwnAtMeetingParticipantId);

        Assert.Equal(HttpStatusCode.NotFound, (await delegate_.GetAsync(inscribe)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await delegate_.GetAsync(submit)).StatusCode);
        Assert.DoesNotContain($"/check-in/{world.OwnMeetingId}", await delegate_.GetStringAsync("/check-in"));
        await delegate_.PostFormAsync($"/check-in/{world.OwnMeetingId}", new Dictionary<string, string>(), "/check-in");
        Assert.DoesNotContain("Recorded present", await delegate_.GetStringAsync("/check-in"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Attendance.CountAsync(a => a.MeetingId == world.OwnMeetingId)));

        // The account, its link and its role stay: only the session's rights went.
        Assert.Equal(HttpStatusCode.OK, (await delegate_.GetAsync("/account")).StatusCode);
        Assert.Equal(account.Id, (await factory.ParticipantAsync(world.Own.ParticipantIds[0])).UserId);
        Assert.True(await factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<User>>();
            return await users.IsInRoleAsync((await users.FindByIdAsync(account.Id))!, Roles.Delegate);
        }));
    }

    /// <summary>
    /// A speakers list with the delegate's delegation and another's; a statements session where both are approved; a
    /// meeting now with self check-in open for each.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var speakers = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(speakers);
        var own = await factory.AddSpeakingDelegationAsync(speakers.SessionId);
        var victim = await factory.AddSpeakingDelegationAsync(speakers.SessionId);

        var statements = await factory.AddStatementSessionAsync();
        var ownSubmitter = await factory.AddSubmitterAsync(statements);
        var victimSubmitter = await factory.AddSubmitterAsync(statements);
        var ownInStatementsParticipant = (await factory.DelegationAsync(ownSubmitter.DelegationId)).Participants.Single().Id;

        var (ownMeeting, ownAtMeeting) = await MeetingNowAsync();
        var (victimMeeting, _) = await MeetingNowAsync();
        return new World(listId, own, victim, statements, ownSubmitter.DelegationId, ownInStatementsParticipant, victimSubmitter, ownMeeting, ownAtMeeting, victimMeeting);
    }

    private sealed record World(
        int ListId,
        SpeakersListBuilders.SpeakingDelegation Own,
        SpeakersListBuilders.SpeakingDelegation Victim,
        StatementSubmissionBuilders.StatementSession Statements,
        int OwnInStatements,
        int OwnInStatementsParticipantId,
        StatementSubmissionBuilders.Submitter VictimSubmitter,
        int OwnMeetingId,
        int OwnAtMeetingParticipantId,
        int VictimMeetingId);

    /// <summary>A session meeting now, self check-in open, with one approved participant.</summary>
    private async Task<(int MeetingId, int ParticipantId)> MeetingNowAsync()
    {
        var now = DateTime.UtcNow;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now),
            configure: s => s.AddMeeting(1, now.AddMinutes(-15), now.AddHours(3), "Plenary Hall"));
        var meetingId = await factory.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.SessionId == sessionId);
            meeting.OpenSelfCheckIn();
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Self Starters {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation)]);
        return (meetingId, delegation.ParticipantIds[0]);
    }

    private Task LinkAsync(int participantId, string userId) =>
        factory.WithDbAsync(async db =>
        {
            (await db.Participants.SingleAsync(p => p.Id == participantId)).LinkAccount(userId);
            return await db.SaveChangesAsync();
        });

    private Task DecideAsync(ParticipantStatus outcome, params int[] participantIds) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var participant in await db.Participants.Where(p => participantIds.Contains(p.Id)).ToListAsync())
            {
                if (outcome == ParticipantStatus.Withdrawn)
                {
                    participant.Withdraw(DateTime.UtcNow);
                }
                else
                {
                    // As a rejected delegation leaves them: an approved participant cannot be rejected alone.
                    db.Entry(participant).Property(p => p.Status).CurrentValue = ParticipantStatus.Rejected;
                }
            }

            return await db.SaveChangesAsync();
        });

    private static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => "word" + i));
}
