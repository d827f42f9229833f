using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.GroundsPass;

/// <summary>The grounds pass of one participant: their photo and identity data, and what their session asks for.</summary>
public static class ShowGroundsPass
{
    public sealed class Model
    {
        public string Link { get; set; } = "";
        public int ParticipantId { get; set; }
        public string FullName { get; set; } = "";
        public ParticipantStatus Status { get; set; }
        public string Organisation { get; set; } = "";
        public string SessionSymbol { get; set; } = "";
        public TranslatedText SessionTitle { get; set; } = null!;
        public bool AsksForPhoto { get; set; }
        public bool AsksForIdentityDocument { get; set; }
        public Guid? PhotoFileId { get; set; }
        public DateTime? ErasedAt { get; set; }
        public Guid Version { get; set; }

        /// <summary>Only while the participant is in the running and nothing was erased.</summary>
        public bool MayChange { get; set; }

        public string? Nationality { get; set; }
        public string? DocumentNumber { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    /// <summary>The page's address for this person; the forms and the photo hang under it.</summary>
    public static string LinkOf(ParticipantAccess reach) => reach.BasePath + "/grounds-pass";

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(ParticipantAccess reach, CancellationToken cancellationToken = default)
        {
            var model = await (
                    from p in reach.Query(db).AsNoTracking()
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join s in db.Sessions on d.SessionId equals s.Id
                    join o in db.Organisations on d.OrganisationId equals o.Id
                    select new Model
                    {
                        ParticipantId = p.Id,
                        FullName = p.GivenName + " " + p.FamilyName,
                        Status = p.Status,
                        Organisation = o.Name,
                        SessionSymbol = s.Symbol,
                        SessionTitle = s.Title,
                        AsksForPhoto = s.AsksForPhoto,
                        AsksForIdentityDocument = s.AsksForIdentityDocument,
                        PhotoFileId = p.PhotoFileId,
                        ErasedAt = p.GroundsPassErasedAt,
                        Version = p.Version,
                        Nationality = p.Nationality,
                        DocumentNumber = p.IdentityDocumentNumber,
                        ExpiresOn = p.IdentityDocumentExpiresOn,
                    })
                .SingleOrDefaultAsync(cancellationToken);
            if (model is not null)
            {
                model.Link = LinkOf(reach);
                model.MayChange = Participant.InTheRunning.Contains(model.Status) && model.ErasedAt is null;
            }

            return model;
        }
    }
}
