using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>
/// A participant (through their private link or their account) or their focal point asks for a visa support letter: the
/// passport, the nationality and the consulate where the visa will be asked for. Only a participant holding a place,
/// one open request at a time, by the session's deadline for visa letters (at the venue).
/// </summary>
public static class RequestVisaLetter
{
    public sealed class Form
    {
        [Display(Name = "Passport number")]
        public string? PassportNumber { get; set; }

        [Display(Name = "Nationality")]
        public string? Nationality { get; set; }

        [Display(Name = "Passport issued on")]
        public DateOnly? PassportIssuedOn { get; set; }

        [Display(Name = "Passport expires on")]
        public DateOnly? PassportExpiresOn { get; set; }

        [Display(Name = "Date of birth")]
        public DateOnly? DateOfBirth { get; set; }

        [Display(Name = "City of the consulate or embassy")]
        public string? ConsulateCity { get; set; }

        [Display(Name = "Country of the consulate or embassy")]
        public string? ConsulateCountry { get; set; }
    }

    /// <summary>A request as its participant sees it, asked at the venue's time (the passport data, once sent, is not shown back).</summary>
    public sealed record Sent(int Id, VisaLetterStatus Status, DateTime RequestedAt, string? Reference, string? RefusalReason);

    public sealed record Model(
        ParticipantAccess Access,
        string ParticipantName,
        string SessionSymbol,
        TranslatedText SessionTitle,
        string TimeZoneId,
        DateTime? DeadlineAtVenue,
        bool DeadlinePassed,
        bool HoldsAPlace,
        IReadOnlyList<Sent> Requests,
        Form Form)
    {
        public Sent? Open => Requests.FirstOrDefault(r => VisaLetterRequest.Open.Contains(r.Status));

        public bool MayAsk => HoldsAPlace && !DeadlinePassed && Open is null;
    }

    public sealed class Handler(SessionsDbContext db, VisaLetterNoticesHandler notices, TimeProvider clock)
    {
        /// <summary>Null when this person may not reach the participant.</summary>
        public async Task<Model?> LoadAsync(ParticipantAccess access, Form? typed = null, CancellationToken cancellationToken = default)
        {
            var row = await (
                    from p in access.Query(db).AsNoTracking()
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join s in db.Sessions on d.SessionId equals s.Id
                    select new { p.Id, p.GivenName, p.FamilyName, p.Status, Session = s })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            var requests = await db.VisaLetterRequests.AsNoTracking().Where(r => r.ParticipantId == row.Id)
                .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
                .Select(r => new Sent(r.Id, r.Status, r.RequestedAt, r.Reference, r.RefusalReason))
                .ToListAsync(cancellationToken);
            var session = row.Session;
            requests = requests.Select(r => r with { RequestedAt = session.ToLocal(r.RequestedAt) }).ToList();
            return new Model(
                access,
                $"{row.GivenName} {row.FamilyName}",
                session.Symbol,
                session.Title,
                session.TimeZoneId,
                session.ToLocal(session.VisaRequestDeadline),
                session.VisaRequestDeadline is { } deadline && clock.GetUtcNow().UtcDateTime > deadline,
                Participant.HoldingAPlace.Contains(row.Status),
                requests,
                typed ?? new Form());
        }

        /// <summary>False when this person may not reach the participant; a refused rule throws a <see cref="DomainException"/>.</summary>
        public async Task<bool> HandleAsync(ParticipantAccess access, Form form, CancellationToken cancellationToken = default)
        {
            var participant = await access.Query(db).SingleOrDefaultAsync(cancellationToken);
            if (participant is null)
            {
                return false;
            }

            var session = await db.Delegations.Where(d => d.Id == participant.DelegationId)
                .Join(db.Sessions, d => d.SessionId, s => s.Id, (d, s) => s).AsNoTracking().SingleAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            VisaLetterRequest.CheckDeadline(session.VisaRequestDeadline, now);
            if (!participant.IsActive)
            {
                throw new DomainException("Only a participant holding a place in the delegation can ask for a visa support letter.");
            }

            if (await db.VisaLetterRequests.AnyAsync(r => r.ParticipantId == participant.Id && VisaLetterRequest.Open.Contains(r.Status), cancellationToken))
            {
                throw new DomainException("A visa support letter has already been asked for this participant.");
            }

            var missing = string.IsNullOrWhiteSpace(form.PassportNumber) || string.IsNullOrWhiteSpace(form.Nationality) || form.PassportIssuedOn is null
                || form.PassportExpiresOn is null || form.DateOfBirth is null || string.IsNullOrWhiteSpace(form.ConsulateCity) || string.IsNullOrWhiteSpace(form.ConsulateCountry);
            if (missing)
            {
                throw new DomainException("Fill in every field: the consulate needs them all.");
            }

            var request = new VisaLetterRequest(
                participant.Id,
                session.Id,
                new PassportDetails(form.PassportNumber!, form.Nationality!, form.PassportIssuedOn!.Value, form.PassportExpiresOn!.Value, form.DateOfBirth!.Value, form.ConsulateCity!, form.ConsulateCountry!),
                session.ClosesOn,
                access.UserId,
                now);
            db.VisaLetterRequests.Add(request);
            await notices.QueueAsync(NoticeKinds.VisaLetterRequested, participant, session);
            try
            {
                await db.SaveChangesExpectingCollisionAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // Two requests sent at once: the unique index kept the first.
                db.ChangeTracker.Clear();
                if (!await db.VisaLetterRequests.AnyAsync(r => r.ParticipantId == participant.Id && VisaLetterRequest.Open.Contains(r.Status), cancellationToken))
                {
                    throw;
                }

                throw new DomainException("A visa support letter has already been asked for this participant.");
            }

            return true;
        }
    }
}
