using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Attendance;

/// <summary>The one account of who took part, read from the database the migrations built.</summary>
public sealed class ParticipationTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Each_delegation_is_counted_once_with_its_presences_interventions_and_issued_statements()
    {
        var session = await factory.AddReviewSessionAsync();
        var now = DateTime.UtcNow;
        await factory.ChangeSessionAsync(session.SessionId, s =>
        {
            s.AddMeeting(1, now.AddHours(-6), now.AddHours(-3), "Plenary Hall");
            s.AddMeeting(2, now.AddHours(-2), now.AddHours(1), "Plenary Hall");
        });
        var meetings = await factory.WithDbAsync(db => db.Meetings.Where(m => m.SessionId == session.SessionId).OrderBy(m => m.Number).Select(m => m.Id).ToListAsync());

        var member = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var coSponsor = await factory.AddReviewSubmitterAsync(session.SessionId);
        var igo = await factory.AddOrganisationAsync($"Draft IGO {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var draft = await factory.AddDelegationAsync(session.SessionId, igo, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, [DelegationBuilders.Nominee("Lin", "Wei")]);

        await factory.MarkAttendanceAsync(meetings[0], AttendanceStatus.Present, member.ParticipantIds[0]);
        await factory.MarkAttendanceAsync(meetings[0], AttendanceStatus.Excused, member.ParticipantIds[1]);
        await factory.MarkAttendanceAsync(meetings[1], AttendanceStatus.Present, member.ParticipantIds[0]);
        await factory.MarkAttendanceAsync(meetings[1], AttendanceStatus.Absent, draft.ParticipantIds[0]);

        await factory.AddSpokenInterventionsAsync(session.SessionId, session.AgendaItemIds[0], submitter.DelegationId, Capacity.Stakeholder, [InscriptionKind.Statement, InscriptionKind.RightOfReply]);
        await factory.AddSpokenInterventionsAsync(session.SessionId, session.AgendaItemIds[1], submitter.DelegationId, Capacity.Stakeholder, [InscriptionKind.PointOfOrder]);

        var joint = await factory.AddStatementAsync(session, submitter, coSponsors: [coSponsor]);
        await factory.AnswerAsync(joint, coSponsor, confirm: true);
        await factory.IssueStatementAsync(joint, 1);
        await factory.AddStatementAsync(session, submitter, title: "Still in review");

        // The same organisation in another session is another delegation, not counted here.
        var other = await factory.AddReviewSessionAsync();
        await factory.AddDelegationAsync(other.SessionId, submitter.OrganisationId, Capacity.Stakeholder, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Ana", "Souza")]);

        var rows = await factory.WithDbAsync(db => Participation.OfSessionsAsync(db, [session.SessionId], CancellationToken.None));

        Assert.Equal(4, rows.Count);
        var byDelegation = rows.ToDictionary(r => r.DelegationId);
        Assert.Equal(
            new DelegationParticipation(session.SessionId, member.DelegationId, member.OrganisationId, Capacity.Member, OrganisationCategory.MemberState,
                RegistrationStatus.Approved, 2, 2, 1, 2, 0, 0, 0, ParticipantsInTheRoom: 1, ParticipantsOnline: 0),
            byDelegation[member.DelegationId]);
        Assert.Equal((2, 1, 0), (byDelegation[submitter.DelegationId].OralStatements, byDelegation[submitter.DelegationId].WrittenStatements, byDelegation[submitter.DelegationId].WrittenStatementsCoSponsored));
        Assert.Equal((0, 0, 1), (byDelegation[coSponsor.DelegationId].OralStatements, byDelegation[coSponsor.DelegationId].WrittenStatements, byDelegation[coSponsor.DelegationId].WrittenStatementsCoSponsored));
        Assert.Equal((false, 0, 0, 0), (byDelegation[draft.Id].IsRegistered, byDelegation[draft.Id].ParticipantsRegistered, byDelegation[draft.Id].ParticipantsApproved, byDelegation[draft.Id].ParticipantsAttended));

        // Took part: present, or the author or co-sponsor of a statement; never a draft.
        Assert.Equal([member.DelegationId, submitter.DelegationId, coSponsor.DelegationId], rows.Where(r => r.TookPart).Select(r => r.DelegationId).Order());

        Assert.Equal(new ParticipationFigures(3, 3, 1, 4, 4, 1, 2, 1, ParticipantsInTheRoom: 1, ParticipantsOnline: 0), ParticipationFigures.Of(rows));
        Assert.Equal(3, ParticipationFigures.Of(rows).Statements);
    }

    [Fact]
    public async Task No_session_gives_no_rows()
    {
        var rows = await factory.WithDbAsync(db => Participation.OfSessionsAsync(db, [], CancellationToken.None));

        Assert.Empty(rows);
        Assert.Equal(new ParticipationFigures(0, 0, 0, 0, 0, 0, 0, 0), ParticipationFigures.Of(rows));
    }
}
