using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// A session in full swing for the dashboard tests, every figure known in advance:
/// <list type="bullet">
/// <item>delegations: a member State (approved, 3 approved participants), a stakeholder (approved, 3 nominees of whom
/// one withdrew afterwards), an observer State (submitted, 2 nominated), a stakeholder's draft (1 nominee) and an IGO
/// (rejected, 1 nominee): 5 approved participants in all;</item>
/// <item>meetings: 1 yesterday (member 0 present, member 1 excused, stakeholder 0 absent, and the withdrawn nominee's
/// earlier presence, which no longer counts), 2 in progress now (members 0 and 2 present), 3 tomorrow;</item>
/// <item>speakers on item 1: the member's statement (spoke 120 s) and point of order (spoke 30 s), the stakeholder's
/// statement (waiting), the IGO's statement (withdrawn); none on item 2;</item>
/// <item>written statements: the stakeholder's issued, the member's submitted.</item>
/// </list>
/// </summary>
public static class SessionDashboardBuilders
{
    public sealed record DashboardSession(int SessionId, string Symbol, IReadOnlyList<int> MeetingIds, IReadOnlyList<int> AgendaItemIds, int MemberDelegationId, int StakeholderDelegationId);

    public static async Task<DashboardSession> AddDashboardSessionAsync(this SessionsAppFactory factory)
    {
        var now = DateTime.UtcNow;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now.AddDays(-1)), configure: s =>
        {
            s.SetInscriptionWindow(now.AddDays(-2), now.AddDays(10));
            s.AddAgendaItem("1", "Opening of the session");
            s.AddAgendaItem("2", "Adequate housing for all");
            s.AddMeeting(1, now.AddDays(-1), now.AddDays(-1).AddHours(3), "Plenary Hall");
            s.AddMeeting(2, now.AddMinutes(-30), now.AddHours(2), "Plenary Hall");
            s.AddMeeting(3, now.AddDays(1), now.AddDays(1).AddHours(3), "Plenary Hall");
        });

        async Task<SeededDelegation> Delegation(OrganisationCategory category, Capacity capacity, RegistrationStatus status, params string[] givenNames) =>
            await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Dashboard {OrganisationSeeding.UniqueToken()}", category), capacity, status,
                givenNames.Select(n => Nominee(n, "Dashboard")).ToList());

        var member = await Delegation(OrganisationCategory.MemberState, Capacity.Member, RegistrationStatus.Approved, "Amina", "Jonas", "Li");
        var stakeholder = await Delegation(OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, RegistrationStatus.Approved, "Sara", "Omar", "Yuki");
        await Delegation(OrganisationCategory.ObserverState, Capacity.ObserverState, RegistrationStatus.Submitted, "Pablo", "Irina");
        await Delegation(OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, RegistrationStatus.Draft, "Chen");
        var igo = await Delegation(OrganisationCategory.IntergovernmentalOrganisation, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Rejected, "Ana");

        var session = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var symbol = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync();
            var meetings = await db.Meetings.Where(m => m.SessionId == sessionId).OrderBy(m => m.Number).Select(m => m.Id).ToListAsync();
            var items = await db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync();

            void Record(int participantId, int meetingId, AttendanceStatus status) =>
                db.Attendance.Add(new AttendanceRecord(participantId, meetingId, status, AttendanceMethod.Roster, now, null));
            Record(member.ParticipantIds[0], meetings[0], AttendanceStatus.Present);
            Record(member.ParticipantIds[1], meetings[0], AttendanceStatus.Excused);
            Record(stakeholder.ParticipantIds[0], meetings[0], AttendanceStatus.Absent);
            Record(stakeholder.ParticipantIds[2], meetings[0], AttendanceStatus.Present);
            Record(member.ParticipantIds[0], meetings[1], AttendanceStatus.Present);
            Record(member.ParticipantIds[2], meetings[1], AttendanceStatus.Present);
            var withdrawing = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == stakeholder.Id);
            withdrawing.WithdrawParticipant(stakeholder.ParticipantIds[2], now);

            var list = new SpeakersList(sessionId, items[0], null, now);
            list.SetInscriptionWindow(now.AddDays(-2), now.AddDays(10), now);
            var statement = list.Inscribe(new InscriptionRequest(member.Id, Capacity.Member, InscriptionKind.Statement, LevelOfRepresentation.Minister), now.AddMinutes(-20));
            var pointOfOrder = list.Inscribe(new InscriptionRequest(member.Id, Capacity.Member, InscriptionKind.PointOfOrder, LevelOfRepresentation.Minister), now.AddMinutes(-19));
            list.Inscribe(new InscriptionRequest(stakeholder.Id, Capacity.Stakeholder, InscriptionKind.Statement, LevelOfRepresentation.Other), now.AddMinutes(-18));
            var withdrawn = list.Inscribe(new InscriptionRequest(igo.Id, Capacity.IntergovernmentalOrganisation, InscriptionKind.Statement, LevelOfRepresentation.Other), now.AddMinutes(-17));
            db.SpeakersLists.Add(list);
            await db.SaveChangesAsync();
            list.Withdraw(withdrawn.Id, now.AddMinutes(-16));
            foreach (var (speaker, seconds, from) in new[] { (pointOfOrder, 30, now.AddMinutes(-15)), (statement, 120, now.AddMinutes(-10)) })
            {
                list.GiveTheFloor(speaker.Id, from);
                list.StartTimer(speaker.Id, from);
                list.FinishSpeaking(speaker.Id, from.AddSeconds(seconds));
            }

            await db.SaveChangesAsync();
            return new DashboardSession(sessionId, symbol, meetings, items, member.Id, stakeholder.Id);
        });

        var review = new StatementReviewBuilders.ReviewSession(session.SessionId, session.Symbol, session.AgendaItemIds);
        async Task<StatementReviewBuilders.ReviewSubmitter> Submitter(int delegationId, Capacity capacity, StatementTier tier)
        {
            var organisationId = await factory.WithDbAsync(db => db.Delegations.Where(d => d.Id == delegationId).Select(d => d.OrganisationId).SingleAsync());
            return new(delegationId, organisationId, "", capacity, tier, await factory.AddFocalPointAsync(organisationId));
        }

        // Submitted before the deadline, two weeks before the opening.
        var submittedAt = now.AddDays(-30);
        var issued = await factory.AddStatementAsync(review, await Submitter(session.StakeholderDelegationId, Capacity.Stakeholder, StatementTier.EcosocSpecial), at: submittedAt);
        await factory.AddStatementAsync(review, await Submitter(session.MemberDelegationId, Capacity.Member, StatementTier.State), title: "A member's statement", at: submittedAt);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.WrittenStatements.SingleAsync(s => s.Id == issued)).Issue(session.Symbol + "/NGO/{n}", 1, DateOnly.FromDateTime(DateTime.UtcNow), "secretariat", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        return session;
    }
}
