using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;

namespace Sessions.Web.Features.Organisations;

public static class EditOrganisation
{
    public enum Outcome
    {
        Saved,
        NotFound,
        Conflict,
        NameTaken,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<DuplicateMatch> Duplicates);

    public sealed class Handler(SessionsDbContext db, FindDuplicates.Handler findDuplicates, TimeProvider clock, ICurrentUser currentUser)
    {
        /// <summary>The organisation as it is now, to fill the form; null when there is no such organisation.</summary>
        public async Task<OrganisationForm?> LoadAsync(int id)
        {
            var organisation = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == id)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.OriginalLanguage,
                    Names = o.Names.Select(n => new { n.Language, n.Name }).ToList(),
                    o.Acronym,
                    o.Category,
                    o.CountryCode,
                    o.Website,
                    o.ContactEmail,
                    o.Version,
                    Accreditation = db.Accreditations.Where(a => a.OrganisationId == o.Id).OrderBy(a => a.Id)
                        .Select(a => new { a.Basis, a.Status, a.BodyId }).FirstOrDefault(),
                })
                .SingleOrDefaultAsync();
            if (organisation is null)
            {
                return null;
            }

            var form = new OrganisationForm
            {
                Id = organisation.Id,
                Name = organisation.Name,
                OriginalLanguage = organisation.OriginalLanguage,
                Acronym = organisation.Acronym,
                Category = organisation.Category,
                CountryCode = organisation.CountryCode,
                Website = organisation.Website,
                ContactEmail = organisation.ContactEmail,
                Version = organisation.Version,
                AccreditationBasis = organisation.Accreditation?.Basis,
                AccreditationStatus = organisation.Accreditation?.Status,
                AccreditationBodyId = organisation.Accreditation?.BodyId,
            };
            foreach (var name in organisation.Names)
            {
                form.SetTranslatedName(name.Language, name.Name);
            }

            return form;
        }

        /// <summary>Saves the form over the version it was opened on; someone else's save in between is a conflict.</summary>
        public async Task<Result> HandleAsync(int id, OrganisationForm form)
        {
            var organisation = await db.Organisations.Include(o => o.Names).SingleOrDefaultAsync(o => o.Id == id);
            if (organisation is null)
            {
                return new Result(Outcome.NotFound, []);
            }

            if (organisation.Version != form.Version)
            {
                return new Result(Outcome.Conflict, []);
            }

            var sameName = (await findDuplicates.HandleAsync(form, excludingId: id)).Where(d => d.Field == DuplicateField.Name).ToList();
            if (sameName.Count > 0)
            {
                return new Result(Outcome.NameTaken, sameName);
            }

            form.ApplyTo(organisation);
            var now = clock.GetUtcNow().UtcDateTime;
            var accreditation = await db.Accreditations.Where(a => a.OrganisationId == id).OrderBy(a => a.Id).FirstOrDefaultAsync();
            if (form.AccreditationBasis is { } basis)
            {
                var status = form.AccreditationStatus ?? AccreditationStatus.Pending;
                if (accreditation is null)
                {
                    db.Accreditations.Add(new AccreditationRecord(id, basis, status, form.AccreditationBodyId, now, currentUser.UserId));
                }
                else
                {
                    accreditation.Change(basis, status, form.AccreditationBodyId, now, currentUser.UserId);
                }
            }
            else if (accreditation is not null)
            {
                db.Accreditations.Remove(accreditation);
            }

            // The organisation's row is always written with the version check, so a change to its
            // names or accreditation alone cannot overwrite someone else's edit either.
            var entry = db.Entry(organisation);
            entry.Property(o => o.Version).OriginalValue = form.Version;
            entry.Property(o => o.Version).IsModified = true;
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.Conflict, []);
            }

            return new Result(Outcome.Saved, []);
        }
    }
}
