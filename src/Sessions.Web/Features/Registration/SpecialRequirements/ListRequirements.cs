using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.SpecialRequirements;

/// <summary>The secretariat's list of the needs stated for a session's participants holding a place, by organisation and name.</summary>
public static class ListRequirements
{
    public const int PageSize = 200;

    public sealed record Row(int ParticipantId, string ParticipantName, string OrganisationName, ParticipantStatus Status, Needs Needs);

    public sealed record Model(int SessionId, string SessionSymbol, TranslatedText SessionTitle, int Page, int Total, IReadOnlyList<Row> Rows)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int sessionId, int page, string language)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Id, s.Symbol, s.Title }).SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var stated =
                from r in db.SpecialRequirements.AsNoTracking()
                join p in db.Participants on r.ParticipantId equals p.Id
                join d in db.Delegations on p.DelegationId equals d.Id
                join o in db.Organisations on d.OrganisationId equals o.Id
                where d.SessionId == sessionId && Participant.HoldingAPlace.Contains(p.Status)
                select new { r, p, Organisation = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name };
            page = Math.Max(1, page);
            var total = await stated.CountAsync();
            var rows = await stated.OrderBy(x => x.Organisation).ThenBy(x => x.p.FamilyName).ThenBy(x => x.p.GivenName).ThenBy(x => x.p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(x => new Row(
                    x.p.Id,
                    x.p.GivenName + " " + x.p.FamilyName,
                    x.Organisation,
                    x.p.Status,
                    new Needs(x.r.WheelchairAccess, x.r.SignLanguageInterpretation, x.r.SupportPerson, x.r.OtherAccessibility, x.r.Dietary)))
                .ToListAsync();
            return new Model(session.Id, session.Symbol, session.Title, page, total, rows);
        }
    }
}
