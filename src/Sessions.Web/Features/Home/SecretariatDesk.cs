using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Home;

/// <summary>
/// The secretariat's home: the sessions being held or to come, each with its delegations and statements waiting for
/// review, and what else waits (focal-point requests, accreditation applications). A fixed number of queries.
/// </summary>
public static class SecretariatDesk
{
    public const int MaxSessions = 20;

    public sealed record SessionRow(int Id, string Symbol, TranslatedText Title, TranslatedText BodyName, DateOnly OpensOn, DateOnly ClosesOn, bool IsPublished, bool IsUnderway, int DelegationsToReview, int StatementsToReview);

    public sealed record Model(IReadOnlyList<SessionRow> Sessions, bool MoreSessions, int DelegationsToReview, int FocalPointRequests, int AccreditationsToDecide);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken = default)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var sessions = await db.Sessions.AsNoTracking().Where(s => s.ClosesOn >= today)
                .OrderBy(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Take(MaxSessions + 1)
                .Select(s => new { s.Id, s.Symbol, s.Title, BodyName = s.Body!.Name, s.OpensOn, s.ClosesOn, s.IsPublished })
                .ToListAsync(cancellationToken);
            var more = sessions.Count > MaxSessions;
            var ids = sessions.Take(MaxSessions).Select(s => s.Id).ToList();
            var delegations = await db.Delegations.AsNoTracking().Where(d => ids.Contains(d.SessionId) && d.Status == RegistrationStatus.Submitted)
                .GroupBy(d => d.SessionId).Select(g => new { SessionId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.SessionId, g => g.Count, cancellationToken);
            var statements = await db.WrittenStatements.AsNoTracking().Where(w => ids.Contains(w.SessionId) && w.Status == StatementStatus.Submitted)
                .GroupBy(w => w.SessionId).Select(g => new { SessionId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.SessionId, g => g.Count, cancellationToken);
            var delegationsToReview = await db.Delegations.CountAsync(d => d.Status == RegistrationStatus.Submitted, cancellationToken);
            var focalPointRequests = await db.FocalPoints.CountAsync(f => f.Status == FocalPointStatus.Pending, cancellationToken);
            var accreditations = await db.Accreditations.CountAsync(a => a.Status == AccreditationStatus.Pending, cancellationToken);
            return new Model(
                sessions.Take(MaxSessions).Select(s => new SessionRow(
                    s.Id, s.Symbol, s.Title, s.BodyName, s.OpensOn, s.ClosesOn, s.IsPublished, s.OpensOn <= today,
                    delegations.GetValueOrDefault(s.Id), statements.GetValueOrDefault(s.Id))).ToList(),
                more,
                delegationsToReview,
                focalPointRequests,
                accreditations);
        }
    }
}
