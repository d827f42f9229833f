using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;

namespace Sessions.Tests.Infrastructure;

/// <summary>What the attendance report, the statistics and the dashboard count: presences, interventions delivered, statements issued.</summary>
public static class ParticipationBuilders
{
    public static Task MarkAttendanceAsync(this SessionsAppFactory factory, int meetingId, AttendanceStatus status, params int[] participantIds) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            foreach (var participantId in participantIds)
            {
                db.Attendance.Add(new AttendanceRecord(participantId, meetingId, status, AttendanceMethod.Roster, DateTime.UtcNow, null));
            }

            await db.SaveChangesAsync();
        });

    /// <summary>
    /// Interventions of the delegation on the agenda item's list (made when the item has none), one per kind given (a
    /// delegation speaks once per kind on a list; replies take the first round, then the second), each called, timed
    /// for <paramref name="seconds"/> and finished as the console records them.
    /// </summary>
    public static Task AddSpokenInterventionsAsync(
        this SessionsAppFactory factory,
        int sessionId,
        int agendaItemId,
        int delegationId,
        Capacity capacity,
        IReadOnlyList<InscriptionKind> kinds,
        int seconds = 90) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var at = DateTime.UtcNow.AddHours(-2);
            var list = await db.SpeakersLists.Include(l => l.Inscriptions).SingleOrDefaultAsync(l => l.AgendaItemId == agendaItemId && l.MeetingId == null);
            if (list is null)
            {
                list = new SpeakersList(sessionId, agendaItemId, null, at);
                db.SpeakersLists.Add(list);
            }

            var replies = 0;
            foreach (var kind in kinds)
            {
                var round = kind == InscriptionKind.RightOfReply ? (ReplyRound?)(++replies == 1 ? ReplyRound.First : ReplyRound.Second) : null;
                list.Inscribe(new InscriptionRequest(delegationId, capacity, kind, LevelOfRepresentation.Minister, ReplyRound: round), at);
                await db.SaveChangesAsync();
                at = at.AddMinutes(5);
                var entry = list.CallNext(at);
                list.StartTimer(entry.Id, at);
                list.FinishSpeaking(entry.Id, at.AddSeconds(seconds));
                await db.SaveChangesAsync();
            }

            return true;
        });

    /// <summary>Issues a statement in review under the next number of its series, as the secretariat's acceptance does.</summary>
    public static Task IssueStatementAsync(this SessionsAppFactory factory, int statementId, int number) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var statement = await db.WrittenStatements.SingleAsync(s => s.Id == statementId);
            statement.Issue($"TEST/NGO/{statement.SessionId}", number, DateOnly.FromDateTime(DateTime.UtcNow), "builder", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
}
