using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Review;

/// <summary>
/// The secretariat's queue of delegations to review for one session, filtered and paged. One query reads the
/// page: the delegations are paged in a subquery, then only the page's rows get their organisation's name in the
/// reader's language and their participants counted by status (on the DelegationId+Status index).
/// </summary>
public static class ReviewQueue
{
    public const int PageSize = 50;
    public const string AllStatuses = "all";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> _countries = new();

    /// <summary>The countries for the filter, sorted once per language rather than on every page.</summary>
    public static IReadOnlyList<(string Code, string Name)> CountryChoices(string language) =>
        _countries.GetOrAdd(language, Countries.Sorted);

    public sealed class Query
    {
        public int? SessionId { get; set; }
        public Capacity? Capacity { get; set; }
        public OrganisationCategory? Category { get; set; }

        /// <summary>A <see cref="RegistrationStatus"/> name; Submitted when empty, every status with "all".</summary>
        public string? Status { get; set; }

        public string? Country { get; set; }
        public int Page { get; set; } = 1;

        public RegistrationStatus? StatusFilter =>
            string.Equals(Status, AllStatuses, StringComparison.OrdinalIgnoreCase) ? null
            : Enum.TryParse<RegistrationStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status
            : RegistrationStatus.Submitted;

        public Dictionary<string, string?> RouteValues(int? page = null)
        {
            var values = new Dictionary<string, string?>();
            if (SessionId is not null)
            {
                values["sessionId"] = SessionId.Value.ToString(CultureInfo.InvariantCulture);
            }

            if (Capacity is not null)
            {
                values["capacity"] = Capacity.ToString();
            }

            if (Category is not null)
            {
                values["category"] = Category.ToString();
            }

            if (!string.IsNullOrWhiteSpace(Status))
            {
                values["status"] = Status;
            }

            if (!string.IsNullOrWhiteSpace(Country))
            {
                values["country"] = Country;
            }

            if (page is > 1)
            {
                values["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
            }

            return values;
        }

        public string Url(int? page = null) => QueryHelpers.AddQueryString("/registrations/review", RouteValues(page));
    }

    public sealed record SessionChoice(int Id, string Symbol, string Title, DateOnly OpensOn);

    public sealed record ParticipantCount(ParticipantStatus Status, int Count);

    public sealed record Row(
        int Id,
        string Organisation,
        Capacity Capacity,
        OrganisationCategory Category,
        string? CountryCode,
        RegistrationStatus Status,
        IReadOnlyList<ParticipantCount> Participants,
        DateTime? SubmittedAt,
        bool HasLetter);

    public sealed class Model
    {
        public required Query Query { get; init; }
        public required IReadOnlyList<SessionChoice> Sessions { get; init; }
        public SessionChoice? Session { get; init; }
        public IReadOnlyList<Row> Rows { get; init; } = [];
        public int Total { get; init; }
        public int Page { get; init; } = 1;
        public int Pages { get; init; } = 1;
        public required string Language { get; init; }

        /// <summary>The ticked delegations, kept when the form comes back with an error.</summary>
        public IReadOnlySet<int> Selected { get; set; } = new HashSet<int>();

        public string? Reason { get; set; }
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(Query query, string language)
        {
            var sessions = await db.Sessions.AsNoTracking().OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id)
                .Select(s => new SessionChoice(s.Id, s.Symbol, s.Title, s.OpensOn)).ToListAsync();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var session = sessions.FirstOrDefault(s => s.Id == query.SessionId)
                ?? sessions.Where(s => s.OpensOn >= today).MinBy(s => s.OpensOn)
                ?? sessions.FirstOrDefault();
            if (session is null)
            {
                return new Model { Query = query, Sessions = sessions, Language = language };
            }

            query.SessionId = session.Id;
            var delegations = db.Delegations.AsNoTracking().Where(d => d.SessionId == session.Id);
            if (query.StatusFilter is { } status)
            {
                delegations = delegations.Where(d => d.Status == status);
            }

            if (query.Capacity is { } capacity)
            {
                delegations = delegations.Where(d => d.Capacity == capacity);
            }

            var matching = delegations.Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { Delegation = d, Organisation = o });
            if (query.Category is { } category)
            {
                matching = matching.Where(x => x.Organisation.Category == category);
            }

            if (Countries.Find(query.Country) is { } country)
            {
                matching = matching.Where(x => x.Organisation.CountryCode == country);
            }

            var total = await matching.CountAsync();
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pages);

            // The page's ids as a subquery: names and counts are worked out for these 50 rows only, in the same query.
            var pageIds = matching
                .OrderBy(x => x.Delegation.SubmittedAt == null)
                .ThenBy(x => x.Delegation.SubmittedAt)
                .ThenBy(x => x.Delegation.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(x => x.Delegation.Id);
            var rows = await db.Delegations.AsNoTracking()
                .Where(d => pageIds.Contains(d.Id))
                .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { Delegation = d, Organisation = o })
                .OrderBy(x => x.Delegation.SubmittedAt == null)
                .ThenBy(x => x.Delegation.SubmittedAt)
                .ThenBy(x => x.Delegation.Id)
                .Select(x => new
                {
                    x.Delegation.Id,
                    Name = x.Organisation.OriginalLanguage == language
                        ? x.Organisation.Name
                        : x.Organisation.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? x.Organisation.Name,
                    x.Delegation.Capacity,
                    x.Organisation.Category,
                    x.Organisation.CountryCode,
                    x.Delegation.Status,
                    x.Delegation.SubmittedAt,
                    HasLetter = x.Delegation.LetterFileId != null,
                    Nominated = db.Participants.Count(p => p.DelegationId == x.Delegation.Id && p.Status == ParticipantStatus.Nominated),
                    Confirmed = db.Participants.Count(p => p.DelegationId == x.Delegation.Id && p.Status == ParticipantStatus.Confirmed),
                    Approved = db.Participants.Count(p => p.DelegationId == x.Delegation.Id && p.Status == ParticipantStatus.Approved),
                    Rejected = db.Participants.Count(p => p.DelegationId == x.Delegation.Id && p.Status == ParticipantStatus.Rejected),
                    Waitlisted = db.Participants.Count(p => p.DelegationId == x.Delegation.Id && p.Status == ParticipantStatus.Waitlisted),
                    Withdrawn = db.Participants.Count(p => p.DelegationId == x.Delegation.Id && p.Status == ParticipantStatus.Withdrawn),
                })
                .ToListAsync();

            return new Model
            {
                Query = query,
                Sessions = sessions,
                Session = session,
                Rows = rows.Select(r => new Row(
                    r.Id,
                    r.Name,
                    r.Capacity,
                    r.Category,
                    r.CountryCode,
                    r.Status,
                    new ParticipantCount[]
                    {
                        new(ParticipantStatus.Nominated, r.Nominated),
                        new(ParticipantStatus.Confirmed, r.Confirmed),
                        new(ParticipantStatus.Approved, r.Approved),
                        new(ParticipantStatus.Waitlisted, r.Waitlisted),
                        new(ParticipantStatus.Rejected, r.Rejected),
                        new(ParticipantStatus.Withdrawn, r.Withdrawn),
                    }.Where(c => c.Count > 0).ToList(),
                    r.SubmittedAt,
                    r.HasLetter)).ToList(),
                Total = total,
                Page = page,
                Pages = pages,
                Language = language,
            };
        }
    }
}
