using Sessions.Core.Data;

namespace Sessions.Core.Organisations;

public static class FocalPointQueries
{
    /// <summary>The organisations this user may act for: those whose focal point the secretariat has approved.</summary>
    public static IQueryable<int> OrganisationsActedForBy(this SessionsDbContext db, string? userId) =>
        db.FocalPoints.Where(f => f.UserId == userId && f.Status == FocalPointStatus.Approved).Select(f => f.OrganisationId);
}
