using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Localisation;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;

namespace Sessions.Web.Features.Accreditation;

/// <summary>
/// A focal point applies for ad hoc accreditation of one of its organisations to a body: the mission,
/// a signed letter and the list of the governing body, both PDFs checked from their bytes.
/// </summary>
public static class ApplyForAccreditation
{
    /// <summary>Two documents of at most 10 MB each, the mission and the form's fields.</summary>
    public const long MaxRequestBytes = 21 * 1024 * 1024;

    public sealed record Choice(int Id, string Name);

    public sealed record BodyChoice(int Id, TranslatedText Name);

    public sealed class Command
    {
        [Display(Name = "Organisation applying")]
        [Required(ErrorMessage = "Choose the organisation.")]
        public int? OrganisationId { get; set; }

        [Display(Name = "Body")]
        [Required(ErrorMessage = "Choose the body.")]
        public int? BodyId { get; set; }

        [Display(Name = "Mission of the organisation")]
        public string? Mission { get; set; }

        [Display(Name = "Signed letter asking for accreditation (PDF)")]
        public IFormFile? Letter { get; set; }

        [Display(Name = "List of the members of the governing body (PDF)")]
        public IFormFile? GoverningBodyList { get; set; }

        [BindNever]
        public IReadOnlyList<Choice> Organisations { get; set; } = [];

        [BindNever]
        public IReadOnlyList<BodyChoice> Bodies { get; set; } = [];
    }

    public enum Outcome
    {
        Applied,
        Invalid,
        NotFound,
    }

    public sealed class Handler(
        SessionsDbContext db,
        IFileStore store,
        AccreditationNotices.Handler notices,
        IStringLocalizer<Text> t,
        TimeProvider clock)
    {
        /// <summary>Fills the form's choices; false when the chosen organisation is not one the user acts for.</summary>
        public async Task<bool> PrepareAsync(Command command, string userId)
        {
            var language = Cultures.Current;
            var organisations = await db.Organisations.AsNoTracking()
                .Where(o => db.OrganisationsActedForBy(userId).Contains(o.Id))
                .Select(o => new Choice(o.Id, o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name))
                .ToListAsync();
            command.Organisations = organisations.OrderBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true)).ToList();
            command.Bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name.Original).Select(b => new BodyChoice(b.Id, b.Name)).ToListAsync();
            if (command.OrganisationId is { } id)
            {
                return command.Organisations.Any(o => o.Id == id);
            }

            if (command.Organisations.Count == 1)
            {
                command.OrganisationId = command.Organisations[0].Id;
            }

            return true;
        }

        public async Task<(Outcome Outcome, int? Id)> HandleAsync(Command command, string userId, ModelStateDictionary modelState)
        {
            if (!await PrepareAsync(command, userId))
            {
                return (Outcome.NotFound, null);
            }

            if (command.BodyId is { } chosenBody && command.Bodies.All(b => b.Id != chosenBody))
            {
                modelState.AddModelError(nameof(Command.BodyId), t["Choose the body."]);
            }

            try
            {
                AccreditationApplication.CheckMission(command.Mission);
            }
            catch (DomainException e)
            {
                modelState.AddDomainError(t, e, nameof(Command.Mission));
            }

            await CheckDocumentAsync(command.Letter, nameof(Command.Letter), "Attach the signed letter (PDF).", modelState);
            await CheckDocumentAsync(command.GoverningBodyList, nameof(Command.GoverningBodyList), "Attach the list of the governing body (PDF).", modelState);
            if (!modelState.IsValid)
            {
                return (Outcome.Invalid, null);
            }

            var organisationId = command.OrganisationId!.Value;
            var bodyId = command.BodyId!.Value;
            if (await db.IsEligibleToRegisterAsync(organisationId, bodyId))
            {
                modelState.AddModelError("", t["The organisation is already accredited for the sessions of this body: it does not need to apply."]);
                return (Outcome.Invalid, null);
            }

            var open = await db.Accreditations.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && a.Basis == AccreditationBasis.AdHoc && a.BodyId == bodyId
                    && (a.Status == AccreditationStatus.Pending || a.Status == AccreditationStatus.Suspended))
                .Select(a => (AccreditationStatus?)a.Status)
                .FirstOrDefaultAsync();
            if (open == AccreditationStatus.Pending)
            {
                modelState.AddModelError("", t["The organisation has already applied for accreditation to this body: the application is waiting for the secretariat's decision."]);
                return (Outcome.Invalid, null);
            }

            if (open == AccreditationStatus.Suspended)
            {
                modelState.AddModelError("", t["The organisation's accreditation to this body is suspended: contact the secretariat."]);
                return (Outcome.Invalid, null);
            }

            var letter = await StoreAsync(command.Letter!, nameof(Command.Letter), userId, modelState);
            var list = await StoreAsync(command.GoverningBodyList!, nameof(Command.GoverningBodyList), userId, modelState);
            if (letter is null || list is null)
            {
                return (Outcome.Invalid, null);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var accreditation = AccreditationRecord.ApplyAdHoc(organisationId, bodyId, command.Mission!, letter.Id, list.Id, userId, now);
            db.StoredFiles.AddRange(letter, list);
            db.Accreditations.Add(accreditation);
            await notices.QueueAsync(accreditation, NoticeKinds.AccreditationReceived);
            try
            {
                await db.SaveChangesExpectingCollisionAsync();
            }
            catch (DbUpdateException)
            {
                if (!await HasPendingApplicationAsync(organisationId, bodyId))
                {
                    throw;
                }

                modelState.AddModelError("", t["The organisation has already applied for accreditation to this body: the application is waiting for the secretariat's decision."]);
                return (Outcome.Invalid, null);
            }

            return (Outcome.Applied, accreditation.Id);
        }

        /// <summary>Read on a fresh query: the failed save's entities are still tracked.</summary>
        private Task<bool> HasPendingApplicationAsync(int organisationId, int bodyId) =>
            db.Accreditations.AsNoTracking().AnyAsync(a => a.OrganisationId == organisationId && a.BodyId == bodyId
                && a.Basis == AccreditationBasis.AdHoc && a.Status == AccreditationStatus.Pending);

        /// <summary>Checks a document from its first bytes before anything is stored, so a refusal leaves nothing behind.</summary>
        private async Task CheckDocumentAsync(IFormFile? file, string field, string missingMessage, ModelStateDictionary modelState)
        {
            if (file is null)
            {
                modelState.AddModelError(field, t[missingMessage]);
                return;
            }

            var head = new byte[16];
            var read = 0;
            await using (var stream = file.OpenReadStream())
            {
                int n;
                while (read < head.Length && (n = await stream.ReadAsync(head.AsMemory(read))) > 0)
                {
                    read += n;
                }
            }

            try
            {
                UploadRule.Pdf.Check(head.AsSpan(0, read), file.Length);
            }
            catch (DomainException e)
            {
                modelState.AddDomainError(t, e, field);
            }
        }

        private async Task<StoredFile?> StoreAsync(IFormFile file, string field, string userId, ModelStateDictionary modelState)
        {
            try
            {
                await using var stream = file.OpenReadStream();
                return await store.SaveAsync(stream, file.FileName, UploadRule.Pdf, userId);
            }
            catch (DomainException e)
            {
                modelState.AddDomainError(t, e, field);
                return null;
            }
        }
    }
}
