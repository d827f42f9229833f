using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Sessions of a body and the organisations that took part in them: approved delegations that were present at a
/// meeting, spoke (each oral statement on its own agenda item's list) and had written statements issued.
/// </summary>
public static class ParticipationStatisticsBuilders
{
    public const int AgendaItemsPerSession = 4;

    public sealed record StatisticsSession(int SessionId, string Symbol, DateOnly OpensOn, IReadOnlyList<int> MeetingIds, IReadOnlyList<int> AgendaItemIds);

    /// <summary>A session of the body opening on <paramref name="opensOn"/>, with two meetings that day and four agenda items.</summary>
    public static async Task<StatisticsSession> AddStatisticsSessionAsync(this SessionsAppFactory factory, int bodyId, DateOnly opensOn, string? title = null)
    {
        var start = opensOn.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        var sessionId = await factory.AddSessionAsync(bodyId, opensOn, title, configure: s =>
        {
            for (var item = 1; item <= AgendaItemsPerSession; item++)
            {
                s.AddAgendaItem(item.ToString(), $"Agenda item {item}");
            }

            s.AddMeeting(1, start, start.AddHours(3), "Plenary Hall");
            s.AddMeeting(2, start.AddHours(5), start.AddHours(8), "Plenary Hall");
        });
        return await factory.WithDbAsync(async db => new StatisticsSession(
            sessionId,
            await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync(),
            opensOn,
            await db.Meetings.Where(m => m.SessionId == sessionId).OrderBy(m => m.Number).Select(m => m.Id).ToListAsync(),
            await db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync()));
    }

    /// <summary>
    /// A delegation of the organisation (a new one named <paramref name="name"/> unless <paramref name="organisationId"/> is given)
    /// with two approved participants: the first present at the first meeting when <paramref name="attends"/>;
    /// <paramref name="oral"/> statements spoken (at most one per agenda item) and <paramref name="written"/> statements issued.
    /// </summary>
    public static async Task<int> AddTakingPartAsync(
        this SessionsAppFactory factory,
        StatisticsSession session,
        string name,
        OrganisationCategory category,
        Capacity capacity,
        bool attends = true,
        int oral = 0,
        int written = 0,
        RegistrationStatus status = RegistrationStatus.Approved,
        int? organisationId = null)
    {
        var orgId = organisationId ?? await factory.AddOrganisationAsync(name, category);
        var delegation = await factory.AddDelegationAsync(session.SessionId, orgId, capacity, status,
            [DelegationBuilders.Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation), DelegationBuilders.Nominee("Jonas", "Berg")]);
        var at = session.OpensOn.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        if (attends)
        {
            await factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SessionsDbContext>();
                db.Attendance.Add(new AttendanceRecord(delegation.ParticipantIds[0], session.MeetingIds[0], AttendanceStatus.Present, AttendanceMethod.Roster, at, null));
                await db.SaveChangesAsync();
                return 0;
            });
        }

        for (var i = 0; i < oral; i++)
        {
            await factory.SpeakAsync(session, session.AgendaItemIds[i], delegation.Id, capacity, at);
        }

        if (written > 0)
        {
            var focalPoint = await factory.AddFocalPointAsync(orgId);
            var submitter = new StatementReviewBuilders.ReviewSubmitter(delegation.Id, orgId, name, capacity, TierOf(capacity), focalPoint);
            var reviewSession = new StatementReviewBuilders.ReviewSession(session.SessionId, session.Symbol, session.AgendaItemIds);
            for (var i = 0; i < written; i++)
            {
                var statementId = await factory.AddStatementAsync(reviewSession, submitter, title: $"Statement {i + 1} of {name}", at: at.AddDays(-60));
                await factory.IssueAsync(statementId, at);
            }
        }

        return orgId;
    }

    /// <summary>Issues a submitted statement with the next number of the session's NGO series.</summary>
    public static Task IssueAsync(this SessionsAppFactory factory, int statementId, DateTime at) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var statement = await db.WrittenStatements.SingleAsync(s => s.Id == statementId);
            var number = await db.WrittenStatements.CountAsync(s => s.SessionId == statement.SessionId && s.Number != null) + 1;
            statement.Issue("NGO", number, DateOnly.FromDateTime(at), "builder", at);
            await db.SaveChangesAsync();
            return 0;
        });

    private static Task SpeakAsync(this SessionsAppFactory factory, StatisticsSession session, int agendaItemId, int delegationId, Capacity capacity, DateTime at) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var list = await db.SpeakersLists.Include(l => l.Inscriptions).SingleOrDefaultAsync(l => l.AgendaItemId == agendaItemId && l.MeetingId == null);
            if (list is null)
            {
                list = new SpeakersList(session.SessionId, agendaItemId, null, at.AddDays(-2));
                list.SetInscriptionWindow(at.AddDays(-2), at.AddDays(1), at.AddDays(-2));
                db.SpeakersLists.Add(list);
            }

            var inscription = list.Inscribe(new InscriptionRequest(delegationId, capacity, InscriptionKind.Statement, LevelOfRepresentation.Minister), at.AddHours(-1));
            await db.SaveChangesAsync();
            list.GiveTheFloor(inscription.Id, at);
            list.StartTimer(inscription.Id, at);
            list.FinishSpeaking(inscription.Id, at.AddMinutes(3));
            await db.SaveChangesAsync();
            return 0;
        });

    private static StatementTier TierOf(Capacity capacity) => capacity switch
    {
        Capacity.Member or Capacity.ObserverState => StatementTier.State,
        Capacity.UnSystem => StatementTier.UnSystem,
        Capacity.IntergovernmentalOrganisation => StatementTier.IntergovernmentalOrganisation,
        _ => StatementTier.EcosocSpecial,
    };
}
