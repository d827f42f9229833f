using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.Participants;

/// <summary>
/// The public list of participants of a session: approved participants who consented, of approved
/// delegations, in the UN order — members of the body by State in alphabetical order (in the reader's
/// language), observer States, the UN system, IGOs, then other organisations by category and name; in a
/// delegation the head first, then by function and name.
/// It is read in two small queries rather than one sort of every name: first the session's delegations with
/// the number of names each lists (counted on the DelegationId+Status+ConsentToPublicList index), ordered
/// here with the language's collation; that tells which delegations the page spans; then only their names.
/// The ordered delegations are kept for a few seconds per session and language, since every page needs them
/// and reading them is most of the cost; a decision on a delegation of the session drops them at once.
/// </summary>
public static class ListOfParticipants
{
    public const int PageSize = 200;

    private static readonly TimeSpan _keepFor = TimeSpan.FromSeconds(15);

    // Keyed by database too: several hosts (the test suite) share the process.
    private static readonly MemoryCache _orderedDelegations = new(new MemoryCacheOptions { SizeLimit = 200 });

    /// <summary>Drops what is kept of the lists of these sessions, after a change of who is in them.</summary>
    public static void Forget(SessionsDbContext db, IEnumerable<int> sessionIds)
    {
        foreach (var sessionId in sessionIds.Distinct())
        {
            foreach (var language in Core.Common.Languages.All)
            {
                _orderedDelegations.Remove(CacheKey(db, sessionId, language));
            }
        }
    }

    private static string CacheKey(SessionsDbContext db, int sessionId, string language) =>
        $"{db.Database.GetConnectionString()}|{sessionId}|{language}";

    public sealed record Name(string Title, string GivenName, string FamilyName, ParticipantFunction Function);

    public sealed record DelegationBlock(int DelegationId, string Organisation, Capacity Capacity, OrganisationCategory Category, bool Continued, IReadOnlyList<Name> Names);

    public sealed record Model(
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        TranslatedText BodyName,
        IReadOnlyList<DelegationBlock> Delegations,
        int Total,
        int Page,
        int Pages,
        bool Everyone = false);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such published session.</summary>
        public async Task<Model?> HandleAsync(int sessionId, int page, string language)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.IsPublished)
                .Select(s => new { s.Id, s.Symbol, s.Title, BodyName = s.Body!.Name }).SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var collation = StringComparer.Create(CultureInfo.GetCultureInfo(language), CompareOptions.IgnoreCase);
            var key = CacheKey(db, sessionId, language);
            if (!_orderedDelegations.TryGetValue(key, out List<ListedDelegation>? delegations) || delegations is null)
            {
                delegations = (await db.Delegations.AsNoTracking()
                        .Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved)
                        .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new ListedDelegation(
                            d.Id,
                            o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                            d.Capacity,
                            o.Category,
                            db.Participants.Count(p => p.DelegationId == d.Id && p.Status == ParticipantStatus.Approved && p.ConsentToPublicList)))
                        .ToListAsync())
                    .Arrange(collation);
                _orderedDelegations.Set(key, delegations, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _keepFor, Size = 1 });
            }

            var total = delegations.Sum(d => d.Count);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pages);
            var spanned = UnOrder.Page(delegations, page, PageSize);
            var ids = spanned.Select(s => s.Delegation.Id).ToList();
            var names = (await db.Participants.AsNoTracking()
                    .Where(p => ids.Contains(p.DelegationId) && p.Status == ParticipantStatus.Approved && p.ConsentToPublicList)
                    .Select(p => new Named(p.Id, p.DelegationId, p.Title, p.GivenName, p.FamilyName, p.Function))
                    .ToListAsync())
                .ToLookup(p => p.DelegationId);

            var blocks = spanned.Select(s => new DelegationBlock(
                    s.Delegation.Id,
                    s.Delegation.Organisation,
                    s.Delegation.Capacity,
                    s.Delegation.Category,
                    s.Skip > 0,
                    names[s.Delegation.Id].InDelegationOrder(collation).Skip(s.Skip).Take(s.Take).Select(Named.AsName).ToList()))
                .ToList();

            return new Model(session.Id, session.Symbol, session.Title, session.BodyName, blocks, total, page, pages);
        }

        /// <summary>
        /// The secretariat's printable list: every approved participant of the approved delegations, whether or not
        /// they consented to the public list, in the same order, on one page. Null when there is no such session.
        /// </summary>
        public async Task<Model?> PrintAsync(int sessionId, string language)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Id, s.Symbol, s.Title, BodyName = s.Body!.Name }).SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var collation = StringComparer.Create(CultureInfo.GetCultureInfo(language), CompareOptions.IgnoreCase);
            var names = (await db.Participants.AsNoTracking()
                    .Where(p => p.Status == ParticipantStatus.Approved)
                    .Join(db.Delegations.Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved), p => p.DelegationId, d => d.Id, (p, d) => p)
                    .Select(p => new Named(p.Id, p.DelegationId, p.Title, p.GivenName, p.FamilyName, p.Function))
                    .ToListAsync())
                .ToLookup(p => p.DelegationId);
            var delegations = (await UnOrder.ApprovedDelegations(db, sessionId, language).ToListAsync())
                .Select(d => d with { Count = names[d.Id].Count() })
                .Arrange(collation);
            var blocks = delegations
                .Select(d => new DelegationBlock(d.Id, d.Organisation, d.Capacity, d.Category, false, names[d.Id].InDelegationOrder(collation).Select(Named.AsName).ToList()))
                .ToList();
            return new Model(session.Id, session.Symbol, session.Title, session.BodyName, blocks, blocks.Sum(b => b.Names.Count), 1, 1, Everyone: true);
        }
    }

    private sealed record Named(int Id, int DelegationId, string Title, string GivenName, string FamilyName, ParticipantFunction Function) : IListedParticipant
    {
        public static Name AsName(Named p) => new(p.Title, p.GivenName, p.FamilyName, p.Function);
    }
}
