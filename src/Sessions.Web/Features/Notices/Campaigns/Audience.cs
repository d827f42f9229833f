using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>
/// The recipients of a campaign, computed in SQL from its filters: the focal points of the delegations (or,
/// for a notice about no session, of the organisations) and the participants. An address reached twice
/// (a focal point who is also a participant, a person in two delegations) receives the notice once:
/// <see cref="Key"/> is the address in lower case and <see cref="Distinct"/> keeps the first of each.
/// </summary>
public static class Audience
{
    public sealed class Member
    {
        public string Key { get; init; } = "";
        public string Email { get; init; } = "";
        public string? Name { get; init; }
        public string Language { get; init; } = "";
        public int OrganisationId { get; init; }

        /// <summary>0 for a participant, 1 for a focal point: a participant's own details win on a shared address.</summary>
        public int Source { get; init; }
    }

    /// <summary>Every recipient row, duplicates included, in address order (the order <see cref="Distinct"/> needs).</summary>
    public static IQueryable<Member> Query(SessionsDbContext db, int? sessionId, CampaignAudience audience) =>
        Rows(db, sessionId, audience).OrderBy(m => m.Key).ThenBy(m => m.Source).ThenBy(m => m.OrganisationId);

    /// <summary>How many different addresses the audience reaches.</summary>
    public static Task<int> CountAsync(SessionsDbContext db, int? sessionId, CampaignAudience audience, CancellationToken cancellationToken) =>
        Rows(db, sessionId, audience).Select(m => m.Key).Distinct().CountAsync(cancellationToken);

    private static IQueryable<Member> Rows(SessionsDbContext db, int? sessionId, CampaignAudience audience)
    {
        IQueryable<Member>? all = null;
        if (audience.ReachesParticipants && sessionId is { } participantsSession)
        {
            var participants =
                from d in Delegations(db, participantsSession, audience)
                join p in db.Participants on d.Id equals p.DelegationId
                where p.Email != "" && (audience.ParticipantStatuses.Count == 0 || audience.ParticipantStatuses.Contains(p.Status))
                select new Member { Key = p.Email.ToLower(), Email = p.Email, Name = p.GivenName + " " + p.FamilyName, Language = p.PreferredLanguage, OrganisationId = d.OrganisationId, Source = 0 };
            all = participants;
        }

        if (audience.ReachesFocalPoints)
        {
            var organisations = sessionId is { } focalPointsSession
                ? Delegations(db, focalPointsSession, audience).Select(d => d.OrganisationId)
                : Organisations(db, audience).Select(o => o.Id);
            var focalPoints =
                from f in db.FocalPoints
                join u in db.Users on f.UserId equals u.Id
                where f.Status == FocalPointStatus.Approved && u.IsActive && u.Email != null && u.Email != "" && organisations.Contains(f.OrganisationId)
                select new Member { Key = u.Email!.ToLower(), Email = u.Email!, Name = u.FullName, Language = u.PreferredLanguage, OrganisationId = f.OrganisationId, Source = 1 };
            all = all is null ? focalPoints : all.Concat(focalPoints);
        }

        return all ?? db.Participants.Where(_ => false).Select(p => new Member());
    }

    /// <summary>The session's delegations the filters keep (capacity, delegation status, organisation category): participants and focal points alike are reached through them.</summary>
    private static IQueryable<Delegation> Delegations(SessionsDbContext db, int sessionId, CampaignAudience audience) =>
        from d in db.Delegations
        join o in Organisations(db, audience) on d.OrganisationId equals o.Id
        where d.SessionId == sessionId
            && (audience.Capacities.Count == 0 || audience.Capacities.Contains(d.Capacity))
            && (audience.DelegationStatuses.Count == 0 || audience.DelegationStatuses.Contains(d.Status))
        select d;

    /// <summary>The organisations the category filter keeps.</summary>
    private static IQueryable<Organisation> Organisations(SessionsDbContext db, CampaignAudience audience) =>
        db.Organisations.Where(o => audience.OrganisationCategories.Count == 0 || audience.OrganisationCategories.Contains(o.Category));

    /// <summary>The first row of each address, from rows in <see cref="Query"/>'s order; streams.</summary>
    public static IEnumerable<Member> Distinct(IEnumerable<Member> ordered)
    {
        string? previous = null;
        foreach (var member in ordered)
        {
            if (member.Key == previous)
            {
                continue;
            }

            previous = member.Key;
            yield return member;
        }
    }
}
