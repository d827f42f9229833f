using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Core.Registration;

/// <summary>A delegation as a list of participants places it: its name in the reader's language and how many names it lists.</summary>
public sealed record ListedDelegation(int Id, string Organisation, Capacity Capacity, OrganisationCategory Category, int Count);

/// <summary>A participant as a list orders them within the delegation.</summary>
public interface IListedParticipant
{
    int Id { get; }
    ParticipantFunction Function { get; }
    string FamilyName { get; }
    string GivenName { get; }
}

/// <summary>
/// The UN order of a list of participants — members of the body by name in the reader's language, observer States,
/// the UN system, IGOs, then other organisations by category and name; in a delegation the head first, then by
/// function and name — and the paging that reads only the names a page shows: the delegations are ordered here
/// (thousands), the page tells which of them it spans, and only their participants are read.
/// </summary>
public static class UnOrder
{
    /// <summary>One delegation a page spans: how many of its names come before the page, and how many the page shows.</summary>
    public sealed record Span(ListedDelegation Delegation, int Skip, int Take);

    /// <summary>The session's approved delegations named in <paramref name="language"/> (the original name where there is no translation), their counts still 0.</summary>
    public static IQueryable<ListedDelegation> ApprovedDelegations(SessionsDbContext db, int sessionId, string language) =>
        db.Delegations.AsNoTracking()
            .Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved)
            .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new ListedDelegation(
                d.Id,
                o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                d.Capacity,
                o.Category,
                0));

    /// <summary>The delegations with a name to list, in the UN order (<paramref name="collation"/> is the reader's language's).</summary>
    public static List<ListedDelegation> Arrange(this IEnumerable<ListedDelegation> delegations, StringComparer collation) =>
        delegations.Where(d => d.Count > 0).InUnOrder(collation);

    /// <summary>Every delegation in the UN order, whether or not it lists a name.</summary>
    public static List<ListedDelegation> InUnOrder(this IEnumerable<ListedDelegation> delegations, StringComparer collation) =>
        delegations
            .OrderBy(d => d.Capacity)
            .ThenBy(d => d.Capacity == Capacity.Stakeholder ? (int)d.Category : 0)
            .ThenBy(d => d.Organisation, collation)
            .ThenBy(d => d.Id)
            .ToList();

    /// <summary>In a delegation: by function (the head first), then by family and given name.</summary>
    public static IEnumerable<T> InDelegationOrder<T>(this IEnumerable<T> participants, StringComparer collation)
        where T : IListedParticipant =>
        participants.OrderBy(p => p.Function)
            .ThenBy(p => p.FamilyName, collation)
            .ThenBy(p => p.GivenName, collation)
            .ThenBy(p => p.Id);

    /// <summary>The delegations (already arranged) that page <paramref name="page"/> of <paramref name="pageSize"/> names spans.</summary>
    public static List<Span> Page(IReadOnlyList<ListedDelegation> arranged, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(arranged);
        var first = (page - 1) * pageSize;
        var spans = new List<Span>();
        var position = 0;
        foreach (var delegation in arranged)
        {
            var end = position + delegation.Count;
            if (end > first && position < first + pageSize)
            {
                var skip = Math.Max(0, first - position);
                spans.Add(new Span(delegation, skip, Math.Min(delegation.Count - skip, first + pageSize - position - skip)));
            }

            position = end;
            if (position >= first + pageSize)
            {
                break;
            }
        }

        return spans;
    }
}
