using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
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
        if (attends)
        {
            await factory.MarkAttendanceAsync(session.MeetingIds[0], AttendanceStatus.Present, delegation.ParticipantIds[0]);
        }

        for (var i = 0; i < oral; i++)
        {
            await factory.AddSpokenInterventionsAsync(session.SessionId, session.AgendaItemIds[i], delegation.Id, capacity, [InscriptionKind.Statement]);
        }

        if (written > 0)
        {
            var focalPoint = await factory.AddFocalPointAsync(orgId);
            var submitter = new StatementReviewBuilders.ReviewSubmitter(delegation.Id, orgId, name, capacity, TierOf(capacity), focalPoint);
            var reviewSession = new StatementReviewBuilders.ReviewSession(session.SessionId, session.Symbol, session.AgendaItemIds);
            var before = session.OpensOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-60);
            for (var i = 0; i < written; i++)
            {
                var statementId = await factory.AddStatementAsync(reviewSession, submitter, title: $"Statement {i + 1} of {name}", at: before);
                var issued = await factory.WithDbAsync(db => db.WrittenStatements.CountAsync(s => s.SessionId == session.SessionId && s.Number != null));
                await factory.IssueStatementAsync(statementId, issued + 1);
            }
        }

        return orgId;
    }

    private static StatementTier TierOf(Capacity capacity) => capacity switch
    {
        Capacity.Member or Capacity.ObserverState => StatementTier.State,
        Capacity.UnSystem => StatementTier.UnSystem,
        Capacity.IntergovernmentalOrganisation => StatementTier.IntergovernmentalOrganisation,
        _ => StatementTier.EcosocSpecial,
    };
}
