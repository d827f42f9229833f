using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>
/// Writes a bulk notice as a draft, or changes a draft: its session (and meeting), its audience and its
/// wording in the six languages, prefilled from the kind's template. Nothing is sent here.
/// </summary>
public static class ComposeCampaign
{
    /// <summary>The kinds the secretariat sends in bulk, in the order the page offers them.</summary>
    public static readonly IReadOnlyList<NoticeKind> Kinds = [NoticeKinds.ConveningNotice, NoticeKinds.MeetingNotice, NoticeKinds.FreeForm];

    public sealed class LanguageText
    {
        public string Language { get; set; } = "";

        [StringLength(500, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Subject")]
        public string? Subject { get; set; }

        [StringLength(20_000, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Text of the notice")]
        public string? Body { get; set; }
    }

    public sealed record SessionOption(int Id, string Symbol, TranslatedText Title, string TimeZoneId);

    public sealed record MeetingOption(int Id, int SessionId, string SessionSymbol, int Number, DateTime StartsAt);

    public sealed class Command
    {
        [BindNever]
        public int Id { get; set; }

        public string Kind { get; set; } = NoticeKinds.ConveningNotice.Key;

        [Display(Name = "Session")]
        public int? SessionId { get; set; }

        [Display(Name = "Meeting")]
        public int? MeetingId { get; set; }

        public List<Capacity> Capacities { get; set; } = [];

        public List<RegistrationStatus> DelegationStatuses { get; set; } = [];

        public List<ParticipantStatus> ParticipantStatuses { get; set; } = [];

        public List<OrganisationCategory> OrganisationCategories { get; set; } = [];

        [Display(Name = "Who receives it")]
        public CampaignRecipients Recipients { get; set; } = CampaignRecipients.Both;

        public List<LanguageText> Texts { get; set; } = [];

        public Guid Version { get; set; }

        [BindNever]
        public IReadOnlyList<SessionOption> Sessions { get; set; } = [];

        [BindNever]
        public IReadOnlyList<MeetingOption> Meetings { get; set; } = [];

        public NoticeKind NoticeKind => NoticeKinds.Find(Kind) is { } kind && Kinds.Contains(kind) ? kind : NoticeKinds.ConveningNotice;

        public CampaignAudience Audience => new(Capacities, DelegationStatuses, ParticipantStatuses, OrganisationCategories, Recipients);

        /// <summary>The six languages in the UN order, blank where nothing was typed.</summary>
        public void CompleteTexts() =>
            Texts = Languages.All.Select(l => Texts.FirstOrDefault(t => t.Language == l) ?? new LanguageText { Language = l }).ToList();
    }

    public sealed class Handler(SessionsDbContext db, NoticeTemplateStore templates, ICurrentUser user, TimeProvider clock, IStringLocalizer<Text> t)
    {
        /// <summary>A new draft of <paramref name="kind"/>, its wording taken from the kind's template in each language.</summary>
        public async Task<Command> NewAsync(string? kind, int? sessionId, CancellationToken cancellationToken)
        {
            var command = new Command { Kind = kind ?? NoticeKinds.ConveningNotice.Key, SessionId = sessionId };
            command.Kind = command.NoticeKind.Key;
            command.Texts = Languages.All.Select(l =>
            {
                var text = templates.Resolve(db, command.NoticeKind, l);
                return new LanguageText { Language = l, Subject = text.Subject, Body = text.Body };
            }).ToList();
            await FillOptionsAsync(command, cancellationToken);
            return command;
        }

        /// <summary>The draft as the form shows it; null when there is no such campaign.</summary>
        public async Task<Command?> LoadAsync(int id, CancellationToken cancellationToken)
        {
            var campaign = await db.NoticeCampaigns.AsNoTracking().Include(c => c.Texts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (campaign is null)
            {
                return null;
            }

            var command = new Command
            {
                Id = campaign.Id,
                Kind = campaign.Kind,
                SessionId = campaign.SessionId,
                MeetingId = campaign.MeetingId,
                Capacities = campaign.Capacities,
                DelegationStatuses = campaign.DelegationStatuses,
                ParticipantStatuses = campaign.ParticipantStatuses,
                OrganisationCategories = campaign.OrganisationCategories,
                Recipients = campaign.Recipients,
                Texts = campaign.Texts.Select(t => new LanguageText { Language = t.Language, Subject = t.Subject, Body = t.Body }).ToList(),
                Version = campaign.Version,
            };
            command.CompleteTexts();
            await FillOptionsAsync(command, cancellationToken);
            return command;
        }

        public async Task FillOptionsAsync(Command command, CancellationToken cancellationToken)
        {
            command.CompleteTexts();
            command.Sessions = await db.Sessions.AsNoTracking().OrderByDescending(s => s.OpensOn).Take(100)
                .Select(s => new SessionOption(s.Id, s.Symbol, s.Title, s.TimeZoneId)).ToListAsync(cancellationToken);
            var ids = command.Sessions.Select(s => s.Id).ToList();
            var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.SessionId)).OrderBy(m => m.SessionId).ThenBy(m => m.Number)
                .Select(m => new { m.Id, m.SessionId, m.Number, m.StartsAt }).ToListAsync(cancellationToken);
            var sessions = command.Sessions.ToDictionary(s => s.Id);
            command.Meetings = meetings
                .Select(m => new MeetingOption(m.Id, m.SessionId, sessions[m.SessionId].Symbol, m.Number,
                    VenueClock.ToLocal(m.StartsAt, sessions[m.SessionId].TimeZoneId)))
                .ToList();
        }

        public async Task<int> CreateAsync(Command command, CancellationToken cancellationToken)
        {
            var campaign = new NoticeCampaign(command.NoticeKind, user.UserId ?? "", clock.GetUtcNow().UtcDateTime);
            await ComposeAsync(campaign, command, cancellationToken);
            db.NoticeCampaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            return campaign.Id;
        }

        /// <summary>False when there is no such campaign. Throws <see cref="DbUpdateConcurrencyException"/> when someone changed it meanwhile.</summary>
        public async Task<bool> UpdateAsync(int id, Command command, CancellationToken cancellationToken)
        {
            var campaign = await db.NoticeCampaigns.Include(c => c.Texts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (campaign is null)
            {
                return false;
            }

            db.Entry(campaign).Property(c => c.Version).OriginalValue = command.Version;
            await ComposeAsync(campaign, command, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        private async Task ComposeAsync(NoticeCampaign campaign, Command command, CancellationToken cancellationToken)
        {
            if (command.SessionId is { } sessionId && !await db.Sessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
            {
                throw new DomainException("Choose the session this notice is about.");
            }

            if (command.MeetingId is { } meetingId && campaign.NoticeKind == NoticeKinds.MeetingNotice
                && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.SessionId == command.SessionId, cancellationToken))
            {
                throw new DomainException("This meeting is not one of the session's.");
            }

            var texts = command.Texts
                .Where(t => Languages.IsSupported(t.Language))
                .GroupBy(t => t.Language)
                .ToDictionary(g => g.Key, g => new NoticeText(g.First().Subject ?? "", g.First().Body ?? ""));
            // The entity checks the same; here the refusal names the language it is about.
            foreach (var (language, text) in texts.Where(t => !string.IsNullOrWhiteSpace(t.Value.Subject) || !string.IsNullOrWhiteSpace(t.Value.Body)))
            {
                try
                {
                    NoticeRenderer.Check(campaign.NoticeKind, new NoticeText(text.Subject.Trim(), text.Body.Trim()));
                }
                catch (DomainException e)
                {
                    throw new DomainException("{0}: {1}", Cultures.Endonym(language), t[e.Message, e.Arguments].Value);
                }
            }

            campaign.Compose(command.SessionId, command.MeetingId, command.Audience, texts);
        }
    }
}
