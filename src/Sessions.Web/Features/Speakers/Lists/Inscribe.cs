using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>
/// Asking for the floor on a speakers list: a delegate or focal point for their own approved delegation, or the
/// secretariat for any approved delegation of the session (a point of order from the floor included). The list's
/// rules (window, closed list, one statement, two replies) are the list's own; this checks who may ask for whom.
/// </summary>
public static class Inscribe
{
    /// <summary>The request limit: the 10 MB statement plus the form around it.</summary>
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    public sealed record Choice(int Id, string Label);

    public sealed class Command
    {
        [BindNever]
        public int ListId { get; set; }

        [BindNever]
        public int SessionId { get; set; }

        [BindNever]
        public string SessionSymbol { get; set; } = "";

        [BindNever]
        public AgendaItemHeading? AgendaItem { get; set; }

        [BindNever]
        public int? MeetingNumber { get; set; }

        [BindNever]
        public string TimeZoneId { get; set; } = "";

        [BindNever]
        public bool ForSecretariat { get; set; }

        /// <summary>Why inscription is refused right now (closed, not yet open, closed by the window), shown before anyone types.</summary>
        [BindNever]
        public string? Refusal { get; set; }

        [BindNever]
        public DateTime? OpensAt { get; set; }

        [BindNever]
        public DateTime? ClosesAt { get; set; }

        [BindNever]
        public IReadOnlyList<Choice> Delegations { get; set; } = [];

        /// <summary>The user's delegations to the session that are not (yet) approved.</summary>
        [BindNever]
        public IReadOnlyList<string> NotApproved { get; set; } = [];

        [BindNever]
        public IReadOnlyList<Choice> Speakers { get; set; } = [];

        [Required(ErrorMessage = "Choose the delegation.")]
        [Display(Name = "Delegation")]
        public int? DelegationId { get; set; }

        [Required(ErrorMessage = "Choose the kind of inscription.")]
        [Display(Name = "Kind of inscription")]
        public InscriptionKind? Kind { get; set; }

        [StringLength(200, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "On behalf of the group")]
        public string? GroupName { get; set; }

        [Display(Name = "Right of reply")]
        public ReplyRound? ReplyRound { get; set; }

        [Display(Name = "Speaker")]
        public int? SpeakerParticipantId { get; set; }

        [Required(ErrorMessage = "Choose the level of representation.")]
        [Display(Name = "Level of representation")]
        public LevelOfRepresentation? Level { get; set; }

        [Display(Name = "Text of the statement (PDF, optional)")]
        public IFormFile? StatementFile { get; set; }
    }

    /// <summary>What the user may ask for: the secretariat any delegation, everyone else their own.</summary>
    public sealed record Asker(string UserId, bool IsSecretariat);

    /// <summary>The new inscription and its place on the list (1 = next).</summary>
    public sealed record Inscribed(int InscriptionId, int Place);

    public sealed class Handler(SessionsDbContext db, SpeakersListChanges changes, IFileStore store, TimeProvider clock)
    {
        /// <summary>
        /// Fills the form's choices for <paramref name="command"/> (whose <see cref="Command.DelegationId"/> picks the
        /// speakers offered). Null when there is no such list, or the chosen delegation is not one the user may inscribe.
        /// </summary>
        public async Task<Command?> PrepareAsync(int listId, Asker asker, Command command, string language)
        {
            var list = await db.SpeakersLists.AsNoTracking().Where(l => l.Id == listId)
                .Select(l => new
                {
                    l.SessionId,
                    l.IsOpen,
                    l.InscriptionOpensAt,
                    l.InscriptionClosesAt,
                    l.AgendaItemId,
                    MeetingNumber = db.Meetings.Where(m => m.Id == l.MeetingId).Select(m => (int?)m.Number).FirstOrDefault(),
                }).SingleOrDefaultAsync();
            if (list is null)
            {
                return null;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == list.SessionId);
            var delegations = await Reachable(asker).Where(d => d.SessionId == list.SessionId)
                .Select(d => new
                {
                    d.Id,
                    d.Status,
                    d.Capacity,
                    Name = db.Organisations.Where(o => o.Id == d.OrganisationId)
                        .Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
                })
                .ToListAsync();
            var approved = delegations.Where(d => d.Status == RegistrationStatus.Approved).OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();
            if (command.DelegationId is { } chosen && delegations.All(d => d.Id != chosen))
            {
                return null;
            }

            if (command.DelegationId is null && approved.Count == 1 && !asker.IsSecretariat)
            {
                command.DelegationId = approved[0].Id;
            }

            command.ListId = listId;
            command.SessionId = session.Id;
            command.SessionSymbol = session.Symbol;
            command.TimeZoneId = session.TimeZoneId;
            command.AgendaItem = await db.AgendaItems.AsNoTracking().Where(a => a.Id == list.AgendaItemId).Select(a => new AgendaItemHeading(a.Number, a.Title)).SingleAsync();
            command.MeetingNumber = list.MeetingNumber;
            command.ForSecretariat = asker.IsSecretariat;
            command.OpensAt = session.ToLocal(list.InscriptionOpensAt);
            command.ClosesAt = session.ToLocal(list.InscriptionClosesAt);
            var now = clock.GetUtcNow().UtcDateTime;
            command.Refusal = !list.IsOpen ? "This speakers list is closed."
                : list.InscriptionOpensAt is { } opens && now < opens ? "Inscription on this speakers list has not opened yet."
                : list.InscriptionClosesAt is { } closes && now >= closes ? "Inscription on this speakers list has closed."
                : null;
            command.Delegations = approved.Select(d => new Choice(d.Id, d.Name)).ToList();
            command.NotApproved = asker.IsSecretariat ? [] : delegations.Where(d => d.Status != RegistrationStatus.Approved).Select(d => d.Name).ToList();
            command.Speakers = command.DelegationId is { } delegationId
                ? await ActiveMembers(delegationId).OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
                    .Select(p => new Choice(p.Id, (p.Title + " " + p.GivenName + " " + p.FamilyName).Trim())).ToListAsync()
                : [];
            return command;
        }

        /// <summary>
        /// Inscribes the delegation; null when there is no such list or the delegation is not one the user may
        /// inscribe (or not of the list's session). A refusal is a <see cref="DomainException"/> and keeps nothing.
        /// </summary>
        public async Task<Inscribed?> HandleAsync(int listId, Asker asker, Command command, CancellationToken cancellationToken = default)
        {
            var target = await db.SpeakersLists.Where(l => l.Id == listId).Select(l => new { l.SessionId, l.AgendaItemId }).SingleOrDefaultAsync(cancellationToken);
            var delegation = target is null
                ? null
                : await Reachable(asker).AsNoTracking().Where(d => d.Id == command.DelegationId && d.SessionId == target.SessionId)
                    .Select(d => new { d.Id, d.Status, d.Capacity }).SingleOrDefaultAsync(cancellationToken);
            if (delegation is null)
            {
                return null;
            }

            if (delegation.Status != RegistrationStatus.Approved)
            {
                throw new DomainException("Only a delegation approved for this session can ask for the floor.");
            }

            if (command.Kind == InscriptionKind.PointOfOrder && !asker.IsSecretariat)
            {
                throw new DomainException("A point of order is raised from the floor: the secretariat inscribes it.");
            }

            if (command.SpeakerParticipantId is { } speakerId)
            {
                if (!await ActiveMembers(delegation.Id).AnyAsync(p => p.Id == speakerId, cancellationToken))
                {
                    throw new DomainException("The speaker must be a member of the delegation.");
                }
            }
            else if (!asker.IsSecretariat)
            {
                throw new DomainException("Choose who will speak.");
            }

            Guid? fileId = null;
            // An empty file is refused by the store ("The file is empty."), not taken for no file: only a form sent without one has none.
            if (command.StatementFile is { } file)
            {
                await using var content = file.OpenReadStream();
                var stored = await store.SaveAsync(content, file.FileName, UploadRule.Pdf, asker.UserId, cancellationToken);
                db.StoredFiles.Add(stored);
                await db.SaveChangesAsync(cancellationToken);
                fileId = stored.Id;
            }

            // Two rights of reply per item: those on the item's other lists (one per meeting) count too.
            var repliesElsewhere = command.Kind == InscriptionKind.RightOfReply
                ? await db.Inscriptions.Where(i => i.DelegationId == delegation.Id && i.SpeakersListId != listId
                        && i.Kind == InscriptionKind.RightOfReply && i.Status != SpeakerStatus.Withdrawn && i.ReplyRound != null
                        && db.SpeakersLists.Any(l => l.Id == i.SpeakersListId && l.AgendaItemId == target!.AgendaItemId))
                    .Select(i => i.ReplyRound!.Value).ToListAsync(cancellationToken)
                : [];

            var request = new InscriptionRequest(
                delegation.Id,
                delegation.Capacity,
                command.Kind ?? 0,
                command.Level ?? 0,
                command.SpeakerParticipantId,
                command.GroupName,
                command.ReplyRound,
                fileId,
                asker.UserId,
                repliesElsewhere);
            try
            {
                var (list, inscription) = await changes.ApplyAsync<(SpeakersList?, Inscription?)>(listId, null, (list, now) => (list, list.Inscribe(request, now)), cancellationToken);
                if (list is null || inscription is null)
                {
                    return null;
                }

                var place = SpeakerWait.For(list, clock.GetUtcNow().UtcDateTime).TryGetValue(inscription.Id, out var wait) ? wait.Place : 0;
                return new Inscribed(inscription.Id, place);
            }
            catch (Exception e) when (e is DomainException or DbUpdateException)
            {
                // The statement stays with the slot only: without a slot its record goes (the bytes are unreachable).
                db.ChangeTracker.Clear();
                if (fileId is not null)
                {
                    await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(CancellationToken.None);
                }

                // Another instance of the app listed the same statement, or kept winning the race: the user sends it again.
                throw e as DomainException ?? new DomainException("The list changed while your request was being listed. Please send it again.");
            }
        }

        private IQueryable<Delegation> Reachable(Asker asker) =>
            asker.IsSecretariat ? db.Delegations : db.DelegationsSpokenForBy(asker.UserId);

        private IQueryable<Participant> ActiveMembers(int delegationId) =>
            db.Participants.Where(p => p.DelegationId == delegationId
                && Participant.HoldingAPlace.Contains(p.Status));
    }
}
