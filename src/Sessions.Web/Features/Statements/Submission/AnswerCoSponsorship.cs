using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>
/// A co-sponsor's focal point confirms or declines. The submitter is told the answer; once every co-sponsor has
/// answered, the statement goes to review and everyone still on it is told. Answers of different co-sponsors at
/// the same moment do not clash: the one that loses the race is applied again on the fresh statement.
/// </summary>
public static class AnswerCoSponsorship
{
    private const int Attempts = 10;

    private static readonly Dictionary<string, (string Confirmed, string Declined)> _answers = new()
    {
        ["ar"] = ("تأكيد", "رفض"),
        ["zh"] = ("确认", "拒绝"),
        ["en"] = ("confirmed", "declined"),
        ["fr"] = ("confirmé", "décliné"),
        ["ru"] = ("подтверждено", "отклонено"),
        ["es"] = ("confirmado", "rechazado"),
    };

    public sealed class Handler(SessionsDbContext db, StatementNotices notices, TimeProvider clock)
    {
        /// <summary>False when there is no such statement, or the user is not a focal point of that co-sponsor of it.</summary>
        public async Task<bool> HandleAsync(int id, int organisationId, bool confirm, string userId, CancellationToken cancellationToken = default)
        {
            if (!await db.ActsForAsync(userId, organisationId))
            {
                return false;
            }

            for (var attempt = 1; ; attempt++)
            {
                var statement = await db.WrittenStatements.Include(s => s.CoSponsors)
                    .SingleOrDefaultAsync(s => s.Id == id && s.CoSponsors.Any(c => c.OrganisationId == organisationId), cancellationToken);
                if (statement is null)
                {
                    return false;
                }

                statement.Answer(organisationId, confirm, userId, clock.GetUtcNow().UtcDateTime);
                var organisation = await db.Organisations.AsNoTracking().Include(o => o.Names).SingleAsync(o => o.Id == organisationId, cancellationToken);
                await notices.QueueAsync(statement, NoticeKinds.StatementCoSponsorAnswered, toCoSponsors: false, new NoticeValues
                {
                    { "CoSponsorName", new NoticeValue.PerLanguage(organisation.DisplayName) },
                    { "Answer", new NoticeValue.PerLanguage(language => confirm ? _answers[language].Confirmed : _answers[language].Declined) },
                }, cancellationToken);
                if (statement.Status == StatementStatus.Submitted)
                {
                    await notices.QueueAsync(statement, NoticeKinds.StatementInReview, toCoSponsors: true, cancellationToken: cancellationToken);
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return true;
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
