using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
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

    /// <summary>An organisation's delegation to one session.</summary>
    public sealed record TakingPart(int OrganisationId, int DelegationId, string Name, Capacity Capacity);

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
    public static async Task<TakingPart> AddTakingPartAsync(
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

        var takingPart = new TakingPart(orgId, delegation.Id, name, capacity);
        if (written > 0)
        {
            var submitter = await factory.SubmitterAsync(takingPart);
            for (var i = 0; i < written; i++)
            {
                var statementId = await factory.AddStatementAsync(ReviewSessionOf(session), submitter, title: $"Statement {i + 1} of {name}", at: BeforeTheDeadline(session));
                await factory.IssueNextAsync(session, statementId);
            }
        }

        return takingPart;
    }

    /// <summary>A joint statement of <paramref name="submitter"/>, confirmed by <paramref name="coSponsor"/>, then issued.</summary>
    public static async Task AddIssuedJointStatementAsync(this SessionsAppFactory factory, StatisticsSession session, TakingPart submitter, TakingPart coSponsor)
    {
        var by = await factory.SubmitterAsync(submitter);
        var with = await factory.SubmitterAsync(coSponsor);
        var statementId = await factory.AddStatementAsync(ReviewSessionOf(session), by, title: $"Joint statement of {submitter.Name}", coSponsors: [with], at: BeforeTheDeadline(session));
        await factory.AnswerAsync(statementId, with, confirm: true);
        await factory.IssueNextAsync(session, statementId);
    }

    private static async Task<StatementReviewBuilders.ReviewSubmitter> SubmitterAsync(this SessionsAppFactory factory, TakingPart part) =>
        new(part.DelegationId, part.OrganisationId, part.Name, part.Capacity, TierOf(part.Capacity), await factory.AddFocalPointAsync(part.OrganisationId));

    private static async Task IssueNextAsync(this SessionsAppFactory factory, StatisticsSession session, int statementId)
    {
        var issued = await factory.WithDbAsync(db => db.WrittenStatements.CountAsync(s => s.SessionId == session.SessionId && s.Number != null));
        await factory.IssueStatementAsync(statementId, issued + 1);
    }

    private static StatementReviewBuilders.ReviewSession ReviewSessionOf(StatisticsSession session) =>
        new(session.SessionId, session.Symbol, session.AgendaItemIds);

    private static DateTime BeforeTheDeadline(StatisticsSession session) =>
        session.OpensOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-60);

    private static StatementTier TierOf(Capacity capacity) => capacity switch
    {
        Capacity.Member or Capacity.ObserverState => StatementTier.State,
        Capacity.UnSystem => StatementTier.UnSystem,
        Capacity.IntergovernmentalOrganisation => StatementTier.IntergovernmentalOrganisation,
        _ => StatementTier.EcosocSpecial,
    };
}
