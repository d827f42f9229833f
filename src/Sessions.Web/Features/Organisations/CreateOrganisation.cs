using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;

namespace Sessions.Web.Features.Organisations;

public static class CreateOrganisation
{
    /// <summary>The new organisation's id, or the organisations that stopped its creation.</summary>
    public sealed record Result(int? Id, IReadOnlyList<DuplicateMatch> Duplicates);

    public sealed class Handler(SessionsDbContext db, FindDuplicates.Handler findDuplicates, TimeProvider clock)
    {
        /// <summary>
        /// Refuses a name that another organisation already has (original or translated); an acronym or
        /// a website already in use is only a warning the secretariat may override with "create anyway".
        /// </summary>
        public async Task<Result> HandleAsync(OrganisationForm form)
        {
            var duplicates = await findDuplicates.HandleAsync(form);
            if (duplicates.Any(d => d.Field == DuplicateField.Name) || (duplicates.Count > 0 && !form.CreateAnyway))
            {
                return new Result(null, duplicates);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var organisation = new Organisation(form.Name, form.OriginalLanguage, form.Category ?? OrganisationCategory.Other) { CreatedAt = now };
            form.ApplyTo(organisation);

            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            if (form.AccreditationBasis is { } basis)
            {
                db.Accreditations.Add(new AccreditationRecord(organisation.Id, basis, form.AccreditationStatus ?? AccreditationStatus.Pending, form.AccreditationBodyId, now));
                await db.SaveChangesAsync();
            }

            await transaction.CommitAsync();
            return new Result(organisation.Id, []);
        }
    }
}
