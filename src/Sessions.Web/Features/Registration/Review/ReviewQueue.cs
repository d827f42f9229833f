using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>
/// The secretariat's queue of delegations to review for one session, filtered and paged: the page's ids first
/// (in order on the SessionId+Status+SubmittedAt+Id index), then only those rows with their organisation's name
/// in the reader's language, and their participants counted by status in one GROUP BY (DelegationId+Status index).
/// </summary>
public static class ReviewQueue
{
    public const int PageSize = 50;
    public const string AllStatuses = "all";

    /// <summary>The order the participants' counts are shown in.</summary>
    private static readonly ParticipantStatus[] _countOrder =
        [ParticipantStatus.Nominated, ParticipantStatus.Confirmed, ParticipantStatus.Approved, ParticipantStatus.Waitlisted, ParticipantStatus.Rejected, ParticipantStatus.Withdrawn];

    public sealed class Query
    {
        public int? SessionId { get; set; }
        public Capacity? Capacity { get; set; }
        public OrganisationCategory? Category { get; set; }

        /// <summary>A <see cref="RegistrationStatus"/> name; Submitted when empty, every status with "all".</summary>
        public string? Status { get; set; }

        public string? Country { get; set; }
        public int Page { get; set; } = 1;

        /// <summary>The queue is shown in the session's workspace (/sessions/manage/{id}/registrations) and stays there.</summary>
        public bool InWorkspace { get; set; }

        public RegistrationStatus? StatusFilter =>
            string.Equals(Status, AllStatuses, StringComparison.OrdinalIgnoreCase) ? null
            : Enum.TryParse<RegistrationStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status
            : RegistrationStatus.Submitted;

        public Dictionary<string, string?> RouteValues(int? page = null)
        {
            var values = new Dictionary<string, string?>();
            if (SessionId is not null && !InWorkspace)
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

        public string Path => InWorkspace && SessionId is { } sessionId ? $"/sessions/manage/{sessionId}/registrations" : "/registrations/review";

        public string Url(int? page = null) => QueryHelpers.AddQueryString(Path, RouteValues(page));
    }

    public sealed record SessionChoice(int Id, string Symbol, TranslatedText Title, DateOnly OpensOn);

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

            if (query.Category is { } category)
            {
                delegations = delegations.Where(d => db.Organisations.Where(o => o.Category == category).Select(o => o.Id).Contains(d.OrganisationId));
            }

            if (Countries.Find(query.Country) is { } country)
            {
                delegations = delegations.Where(d => db.Organisations.Where(o => o.CountryCode == country).Select(o => o.Id).Contains(d.OrganisationId));
            }

            var total = await delegations.CountAsync();
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pages);

            // The page's 50 ids first, walked in order on the (SessionId, Status, SubmittedAt, Id) index when one
            // status is asked for; then their names, then their participants counted by status in one GROUP BY.
            var ordered = query.StatusFilter == RegistrationStatus.Submitted
                ? delegations.OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id) // a submitted delegation always has SubmittedAt
                : delegations.OrderBy(d => d.SubmittedAt == null).ThenBy(d => d.SubmittedAt).ThenBy(d => d.Id);
            var pageIds = await ordered.Skip((page - 1) * PageSize).Take(PageSize).Select(d => d.Id).ToListAsync();
            var found = await db.Delegations.AsNoTracking()
                .Where(d => pageIds.Contains(d.Id))
                .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { Delegation = d, Organisation = o })
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
                })
                .ToDictionaryAsync(r => r.Id);
            var counts = (await db.Participants.AsNoTracking()
                .Where(p => pageIds.Contains(p.DelegationId))
                .GroupBy(p => new { p.DelegationId, p.Status })
                .Select(g => new { g.Key.DelegationId, g.Key.Status, Count = g.Count() })
                .ToListAsync())
                .ToLookup(c => c.DelegationId, c => new ParticipantCount(c.Status, c.Count));
            var rows = pageIds.Where(found.ContainsKey).Select(id => found[id]).ToList();

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
                    counts[r.Id].OrderBy(c => Array.IndexOf(_countOrder, c.Status)).ToList(),
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
