using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>One request as the secretariat reviews it: who asks, for which session, the passport and the consulate.</summary>
public static class ReviewVisaLetter
{
    public sealed record Model(
        int Id,
        Guid Version,
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        string TimeZoneId,
        string ParticipantName,
        ParticipantFunction Function,
        ParticipantStatus ParticipantStatus,
        string OrganisationName,
        string PassportNumber,
        string Nationality,
        DateOnly PassportIssuedOn,
        DateOnly PassportExpiresOn,
        DateOnly DateOfBirth,
        string ConsulateCity,
        string ConsulateCountry,
        VisaLetterStatus Status,
        DateTime RequestedAt,
        DateTime? DecidedAt,
        string? RefusalReason,
        string? Reference)
    {
        /// <summary>What the secretariat typed as the reason when a refusal was refused (kept on the form).</summary>
        public string? TypedReason { get; init; }
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int id, string language, CancellationToken cancellationToken = default)
        {
            var row = await (
                    from r in db.VisaLetterRequests.AsNoTracking()
                    join p in db.Participants on r.ParticipantId equals p.Id
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join o in db.Organisations on d.OrganisationId equals o.Id
                    join s in db.Sessions on r.SessionId equals s.Id
                    where r.Id == id
                    select new
                    {
                        Request = r,
                        Name = p.GivenName + " " + p.FamilyName,
                        p.Function,
                        p.Status,
                        Organisation = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                        Session = s,
                    })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            var (request, session) = (row.Request, row.Session);
            return new Model(
                request.Id, request.Version, session.Id, session.Symbol, session.Title, session.TimeZoneId, row.Name, row.Function, row.Status, row.Organisation,
                request.PassportNumber, request.Nationality, request.PassportIssuedOn, request.PassportExpiresOn, request.DateOfBirth, request.ConsulateCity,
                request.ConsulateCountry, request.Status, session.ToLocal(request.RequestedAt), session.ToLocal(request.DecidedAt), request.RefusalReason, request.Reference);
        }
    }
}
