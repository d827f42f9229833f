using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Infrastructure.Speakers;

/// <summary>
/// Who spoke in a session, one row per intervention, as the speaking-time workbook and the attendance report list
/// them: only those who spoke, for the time the console's timer measured (pauses excluded).
/// </summary>
public static class Interventions
{
    public sealed record Intervention(
        string AgendaItemNumber,
        TranslatedText AgendaItemTitle,
        string Delegation,
        Capacity Capacity,
        InscriptionKind Kind,
        string? GroupName,
        ReplyRound? ReplyRound,
        string? Speaker,
        DateTime? CalledAt,
        int UsedSeconds,
        int? AllottedSeconds,
        int ExtendedSeconds)
    {
        /// <summary>The time limit with the President's extensions; none for a point of order.</summary>
        public int? AllowedSeconds => AllottedSeconds is { } allotted ? allotted + ExtendedSeconds : null;
    }

    public sealed class DelegationName
    {
        public int DelegationId { get; init; }
        public string Name { get; init; } = "";
    }

    /// <summary>The inscriptions that spoke in the session, on <paramref name="agendaItemId"/> when given.</summary>
    public static IQueryable<Inscription> Spoken(SessionsDbContext db, int sessionId, int? agendaItemId) =>
        db.Inscriptions.AsNoTracking().Where(i => i.Status == SpeakerStatus.Spoke && i.SpokeForSeconds != null
            && db.SpeakersLists.Any(l => l.Id == i.SpeakersListId && l.SessionId == sessionId
                && (agendaItemId == null || l.AgendaItemId == agendaItemId)));

    /// <summary>The organisation's name in <paramref name="language"/>, its original name where it has no translation.</summary>
    public static IQueryable<DelegationName> DelegationNames(SessionsDbContext db, string language) =>
        from d in db.Delegations.AsNoTracking()
        join o in db.Organisations on d.OrganisationId equals o.Id
        select new DelegationName
        {
            DelegationId = d.Id,
            Name = o.OriginalLanguage == language
                ? o.Name
                : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
        };

    /// <summary>Every intervention, in agenda order and then in the order the speakers were called.</summary>
    public static IQueryable<Intervention> Query(SessionsDbContext db, int sessionId, int? agendaItemId, string language) =>
        from i in Spoken(db, sessionId, agendaItemId)
        join l in db.SpeakersLists on i.SpeakersListId equals l.Id
        join a in db.AgendaItems on l.AgendaItemId equals a.Id
        join d in DelegationNames(db, language) on i.DelegationId equals d.DelegationId
        from p in db.Participants.Where(p => p.Id == i.SpeakerParticipantId).DefaultIfEmpty()
        orderby a.Sequence, i.CalledAt, i.Id
        select new Intervention(
            a.Number,
            a.Title,
            d.Name,
            i.Capacity,
            i.Kind,
            i.GroupName,
            i.ReplyRound,
            p == null ? null : p.GivenName + " " + p.FamilyName,
            i.CalledAt,
            i.SpokeForSeconds!.Value,
            i.AllottedSeconds,
            i.ExtendedSeconds);

    /// <summary>The kind as a reader says it: "Group statement: the Group of 77", "Right of reply (Second)".</summary>
    public static string KindOf(IStringLocalizer t, InscriptionKind kind, ReplyRound? round, string? groupName) => kind switch
    {
        InscriptionKind.GroupStatement when !string.IsNullOrEmpty(groupName) => $"{t.For(kind)}: {groupName}",
        InscriptionKind.RightOfReply when round is { } r => $"{t.For(kind)} ({t.For(r)})",
        _ => t.For(kind),
    };
}
