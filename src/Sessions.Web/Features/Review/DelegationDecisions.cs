using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Review;

/// <summary>A delegation left as it was by a bulk decision, and why: its status (null when it does not exist).</summary>
public sealed record SkippedDelegation(int Id, string? Organisation, RegistrationStatus? Status);

/// <summary>What a bulk approval or rejection did.</summary>
public sealed record DecisionResult(IReadOnlyList<int> Decided, IReadOnlyList<SkippedDelegation> Skipped);

/// <summary>
/// What approving or rejecting many delegations at once needs, read in a handful of queries whatever the
/// number of delegations: the delegations with their participants (tracked), their organisations with
/// the translated names, their sessions, and the approved focal points of each organisation with their language.
/// </summary>
public sealed class DelegationBatch
{
    private DelegationBatch(
        IReadOnlyList<int> missing,
        IReadOnlyList<Delegation> delegations,
        IReadOnlyDictionary<int, Organisation> organisations,
        IReadOnlyDictionary<int, (string Symbol, string Title)> sessions,
        ILookup<int, Recipient> focalPoints)
    {
        Missing = missing;
        Delegations = delegations;
        Organisations = organisations;
        Sessions = sessions;
        FocalPoints = focalPoints;
    }

    public sealed record Recipient(string Email, string Name, string Language);

    public IReadOnlyList<int> Missing { get; }
    public IReadOnlyList<Delegation> Delegations { get; }
    public IReadOnlyDictionary<int, Organisation> Organisations { get; }
    public IReadOnlyDictionary<int, (string Symbol, string Title)> Sessions { get; }

    /// <summary>By organisation id.</summary>
    public ILookup<int, Recipient> FocalPoints { get; }

    public string OrganisationName(Delegation delegation, string language) =>
        Organisations.TryGetValue(delegation.OrganisationId, out var organisation) ? organisation.DisplayName(language) : "";

    public static async Task<DelegationBatch> LoadAsync(SessionsDbContext db, IReadOnlyList<int> ids)
    {
        var wanted = ids.Distinct().ToList();
        var delegations = await db.Delegations.Include(d => d.Participants).AsSplitQuery().Where(d => wanted.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync();
        var organisationIds = delegations.Select(d => d.OrganisationId).Distinct().ToList();
        var sessionIds = delegations.Select(d => d.SessionId).Distinct().ToList();

        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Names)
            .Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var sessions = await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Symbol, s.Title }).ToDictionaryAsync(s => s.Id, s => (s.Symbol, s.Title));
        var focalPoints = await db.FocalPoints.AsNoTracking()
            .Where(f => organisationIds.Contains(f.OrganisationId) && f.Status == FocalPointStatus.Approved)
            .Join(db.Users.Where(u => u.IsActive && u.Email != null), f => f.UserId, u => u.Id, (f, u) => new { f.OrganisationId, u.Email, u.FullName, u.PreferredLanguage })
            .ToListAsync();

        var found = delegations.Select(d => d.Id).ToHashSet();
        return new DelegationBatch(
            wanted.Where(id => !found.Contains(id)).ToList(),
            delegations,
            organisations,
            sessions,
            focalPoints.ToLookup(f => f.OrganisationId, f => new Recipient(f.Email!, f.FullName, f.PreferredLanguage)));
    }
}
