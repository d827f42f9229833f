using Sessions.Core.Data;

namespace Sessions.Core.Organisations;

public static class FocalPointQueries
{
    /// <summary>The organisations this user may act for: those whose focal point the secretariat has approved.</summary>
    public static IQueryable<int> OrganisationsActedForBy(this SessionsDbContext db, string? userId) =>
        db.FocalPoints.Where(f => f.UserId == userId && f.Status == FocalPointStatus.Approved).Select(f => f.OrganisationId);

    /// <summary>
    /// Who is told about an organisation: its approved focal points whose account is active and has an address.
    /// </summary>
    public static IQueryable<FocalPointRecipient> FocalPointRecipients(this SessionsDbContext db, IReadOnlyCollection<int> organisationIds) =>
        db.FocalPoints.Where(f => organisationIds.Contains(f.OrganisationId) && f.Status == FocalPointStatus.Approved)
            .Join(db.Users.Where(u => u.IsActive && u.Email != null), f => f.UserId, u => u.Id, (f, u) => new FocalPointRecipient(f.OrganisationId, u.Email!, u.FullName, u.PreferredLanguage));
}

public sealed record FocalPointRecipient(int OrganisationId, string Email, string FullName, string PreferredLanguage);
