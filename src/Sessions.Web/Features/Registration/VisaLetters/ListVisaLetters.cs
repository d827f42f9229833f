using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>The secretariat's list of a session's visa letter requests, oldest first, filtered by status, a page at a time.</summary>
public static class ListVisaLetters
{
    public const int PageSize = 100;

    public sealed record Row(int Id, string ParticipantName, string OrganisationName, string Nationality, string ConsulateCity, string ConsulateCountry, VisaLetterStatus Status, DateTime RequestedAt, string? Reference);

    public sealed record Model(int SessionId, string SessionSymbol, TranslatedText SessionTitle, string TimeZoneId, DateTime? DeadlineAtVenue, VisaLetterStatus? Status, int Page, int Total, IReadOnlyList<Row> Rows)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int sessionId, VisaLetterStatus? status, int page, string language, CancellationToken cancellationToken = default)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var requests = db.VisaLetterRequests.AsNoTracking().Where(r => r.SessionId == sessionId);
            if (status is { } wanted)
            {
                requests = requests.Where(r => r.Status == wanted);
            }

            page = Math.Max(1, page);
            var total = await requests.CountAsync(cancellationToken);
            var rows = await (
                    from r in requests
                    join p in db.Participants on r.ParticipantId equals p.Id
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join o in db.Organisations on d.OrganisationId equals o.Id
                    orderby r.RequestedAt, r.Id
                    select new
                    {
                        r.Id,
                        Name = p.GivenName + " " + p.FamilyName,
                        Organisation = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                        r.Nationality,
                        r.ConsulateCity,
                        r.ConsulateCountry,
                        r.Status,
                        r.RequestedAt,
                        r.Reference,
                    })
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
            return new Model(
                session.Id,
                session.Symbol,
                session.Title,
                session.TimeZoneId,
                session.ToLocal(session.VisaRequestDeadline),
                status,
                page,
                total,
                rows.Select(r => new Row(r.Id, r.Name, r.Organisation, r.Nationality, r.ConsulateCity, r.ConsulateCountry, r.Status, session.ToLocal(r.RequestedAt), r.Reference)).ToList());
        }
    }
}
