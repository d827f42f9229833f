using Sessions.Core.Common;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Core.Notices;

public enum CampaignStatus
{
    Draft = 1,
    Scheduled = 2,
    Queuing = 3,
    Queued = 4,
    Cancelled = 5,
}

/// <summary>Who in each delegation of the audience receives the notice.</summary>
public enum CampaignRecipients
{
    FocalPoints = 1,
    Participants = 2,
    Both = 3,
}

/// <summary>
/// A bulk notice: a kind, its wording per language (English where a language is left blank), the audience
/// chosen by filters (an empty filter takes everybody), and where it stands. Sending is a status change made
/// with a conditional UPDATE (<see cref="CanBeSent"/>), so a second press of the button queues nothing.
/// </summary>
public class NoticeCampaign
{
    private readonly List<NoticeCampaignText> _texts = [];

    private NoticeCampaign()
    {
    }

    public NoticeCampaign(NoticeKind kind, string createdByUserId, DateTime createdAt)
    {
        if (kind.Group is not (NoticeGroup.ConveningNotice or NoticeGroup.FreeForm))
        {
            throw new DomainException("This kind of notice cannot be sent in bulk.");
        }

        Kind = kind.Key;
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
        Status = CampaignStatus.Draft;
    }

    public int Id { get; private set; }
    public string Kind { get; private set; } = "";
    public int? SessionId { get; private set; }
    public int? MeetingId { get; private set; }
    public List<Capacity> Capacities { get; private set; } = [];
    public List<RegistrationStatus> DelegationStatuses { get; private set; } = [];
    public List<ParticipantStatus> ParticipantStatuses { get; private set; } = [];
    public List<OrganisationCategory> OrganisationCategories { get; private set; } = [];
    public CampaignRecipients Recipients { get; private set; } = CampaignRecipients.Both;
    public CampaignStatus Status { get; private set; }

    /// <summary>When a Scheduled campaign is to be queued (UTC).</summary>
    public DateTime? ScheduledAt { get; private set; }

    /// <summary>How many outbox rows it wrote, once Queued.</summary>
    public int? RecipientCount { get; private set; }

    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? SentByUserId { get; private set; }
    public DateTime? QueuedAt { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<NoticeCampaignText> Texts => _texts.AsReadOnly();

    public NoticeKind NoticeKind => NoticeKinds.Find(Kind) ?? throw new InvalidOperationException($"Unknown notice kind {Kind}.");

    /// <summary>The statuses from which the campaign may still be sent (now, or by its schedule).</summary>
    public static readonly IReadOnlyList<CampaignStatus> CanBeSent = [CampaignStatus.Draft, CampaignStatus.Scheduled];

    /// <summary>
    /// Sets what the notice says and whom it reaches. Only a draft changes. Each language given (subject or
    /// text typed) must pass <see cref="NoticeRenderer.Check"/>; English is required, it stands in for the others.
    /// </summary>
    public void Compose(int? sessionId, int? meetingId, CampaignAudience audience, IReadOnlyDictionary<string, NoticeText> texts)
    {
        if (Status != CampaignStatus.Draft)
        {
            throw new DomainException("Only a draft can be changed.");
        }

        var kind = NoticeKind;
        if (sessionId is null && kind != NoticeKinds.FreeForm)
        {
            throw new DomainException("Choose the session this notice is about.");
        }

        if (kind == NoticeKinds.MeetingNotice && meetingId is null)
        {
            throw new DomainException("Choose the meeting this notice is about.");
        }

        if (sessionId is null && audience.Recipients != CampaignRecipients.FocalPoints)
        {
            throw new DomainException("Participants are reached through a session: choose one, or send to focal points only.");
        }

        var given = texts
            .Where(t => !string.IsNullOrWhiteSpace(t.Value.Subject) || !string.IsNullOrWhiteSpace(t.Value.Body))
            .ToDictionary(t => t.Key, t => new NoticeText(t.Value.Subject.Trim(), NormaliseBody(t.Value.Body)));
        if (!given.ContainsKey(Languages.English))
        {
            throw new DomainException("The English text is needed: it goes to everyone whose language is left blank.");
        }

        foreach (var (language, text) in given)
        {
            if (!Languages.IsSupported(language))
            {
                throw new DomainException("Unknown language: {0}.", language);
            }

            NoticeRenderer.Check(kind, text);
            if (sessionId is null)
            {
                var sessionOnly = NoticeRenderer.Placeholders(text.Subject + "\n" + text.Body).Where(NoticeKind.SessionPlaceholders.Contains).ToList();
                if (sessionOnly.Count > 0)
                {
                    throw new DomainException("This notice is about no session: {0} cannot be filled in.", string.Join(", ", sessionOnly.Select(p => $"{{{p}}}")));
                }
            }
        }

        SessionId = sessionId;
        MeetingId = kind == NoticeKinds.MeetingNotice ? meetingId : null;
        Capacities = [.. audience.Capacities.Distinct().Order()];
        DelegationStatuses = [.. audience.DelegationStatuses.Distinct().Order()];
        ParticipantStatuses = [.. audience.ParticipantStatuses.Distinct().Order()];
        OrganisationCategories = [.. audience.OrganisationCategories.Distinct().Order()];
        Recipients = audience.Recipients;

        _texts.RemoveAll(t => !given.ContainsKey(t.Language));
        foreach (var (language, text) in given)
        {
            var existing = _texts.FirstOrDefault(t => t.Language == language);
            if (existing is null)
            {
                _texts.Add(new NoticeCampaignText(language, text));
            }
            else
            {
                existing.Change(text);
            }
        }
    }

    /// <summary>The wording for a recipient in <paramref name="language"/>: theirs, or English when theirs was left blank.</summary>
    public NoticeText TextFor(string language)
    {
        var text = _texts.FirstOrDefault(t => t.Language == language) ?? _texts.FirstOrDefault(t => t.Language == Languages.English)
            ?? throw new InvalidOperationException("A campaign without an English text.");
        return text.Text;
    }

    public CampaignAudience Audience => new(Capacities, DelegationStatuses, ParticipantStatuses, OrganisationCategories, Recipients);

    /// <summary>Checks a time to send at: in the future.</summary>
    public static void CheckSchedule(DateTime scheduledAtUtc, DateTime nowUtc)
    {
        if (scheduledAtUtc <= nowUtc)
        {
            throw new DomainException("Choose a time in the future to send it.");
        }
    }

    private static string NormaliseBody(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>The filters that choose a campaign's recipients; an empty list filters nothing.</summary>
public sealed record CampaignAudience(
    IReadOnlyList<Capacity> Capacities,
    IReadOnlyList<RegistrationStatus> DelegationStatuses,
    IReadOnlyList<ParticipantStatus> ParticipantStatuses,
    IReadOnlyList<OrganisationCategory> OrganisationCategories,
    CampaignRecipients Recipients)
{
    public static readonly CampaignAudience Everybody = new([], [], [], [], CampaignRecipients.Both);

    public bool ReachesFocalPoints => Recipients is CampaignRecipients.FocalPoints or CampaignRecipients.Both;

    public bool ReachesParticipants => Recipients is CampaignRecipients.Participants or CampaignRecipients.Both;
}
