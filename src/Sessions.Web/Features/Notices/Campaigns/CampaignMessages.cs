using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>
/// Everything a campaign's messages share, loaded once (the session, the meeting, the organisations' names,
/// the calendar in each language), then one outbox row per recipient, rendered in their language.
/// </summary>
public sealed class CampaignMessages
{
    private readonly NoticeCampaign _campaign;
    private readonly NoticeValues _values;
    private readonly IReadOnlyDictionary<int, Dictionary<string, string>> _organisationNames;
    private readonly IReadOnlyDictionary<string, string?> _calendars;
    private readonly DateTime _now;
    private readonly Dictionary<string, NoticeText> _texts;
    private readonly Dictionary<int, NoticeValues> _valuesByOrganisation = [];

    private CampaignMessages(NoticeCampaign campaign, NoticeValues values, IReadOnlyDictionary<int, Dictionary<string, string>> organisationNames, IReadOnlyDictionary<string, string?> calendars, DateTime now)
    {
        _campaign = campaign;
        _values = values;
        _organisationNames = organisationNames;
        _calendars = calendars;
        _now = now;
        _texts = campaign.Texts.ToDictionary(t => t.Language, t => t.Text);
    }

    /// <summary>The calendar attached to the message in <paramref name="language"/>, if the kind carries one.</summary>
    public string? CalendarIn(string language) => _calendars.GetValueOrDefault(language);

    /// <summary>The outbox row for one recipient: their language when the campaign has a text in it, else English.</summary>
    public OutboundEmail For(Audience.Member member)
    {
        var wanted = Languages.OrDefault(member.Language);
        var language = _texts.ContainsKey(wanted) ? wanted : Languages.English;
        var rendered = NoticeRenderer.Render(_texts[language], language, member.Email, member.Name, ValuesFor(member.OrganisationId));
        return new OutboundEmail(member.Email, member.Name, language, _campaign.Kind, rendered.Subject, rendered.Text, rendered.Html, _now)
            .InCampaign(_campaign.Id, CalendarIn(language));
    }

    /// <summary>The campaign's values with the organisation's name, made once per organisation (thousands of recipients share one).</summary>
    private NoticeValues ValuesFor(int organisationId)
    {
        if (!_valuesByOrganisation.TryGetValue(organisationId, out var values))
        {
            values = _organisationNames.TryGetValue(organisationId, out var names)
                ? _values.With(new NoticeValues { { "OrganisationName", new NoticeValue.PerLanguage(l => names.GetValueOrDefault(l) ?? names[""]) } })
                : _values;
            _valuesByOrganisation[organisationId] = values;
        }

        return values;
    }

    public sealed class Loader(SessionsDbContext db, IStringLocalizer<Text> t, PublicLinks links, TimeProvider clock)
    {
        public async Task<CampaignMessages> LoadAsync(NoticeCampaign campaign, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var values = new NoticeValues();
            var calendars = new Dictionary<string, string?>();
            var root = links.Root;
            if (campaign.SessionId is { } sessionId)
            {
                var session = await db.Sessions.AsNoTracking().Include(s => s.Meetings).SingleAsync(s => s.Id == sessionId, cancellationToken);
                values = NoticeValues.ForSession(session, $"{root}/sessions/{session.Id}");
                var meeting = session.Meetings.FirstOrDefault(m => m.Id == campaign.MeetingId);
                if (meeting is not null)
                {
                    values = values.With(new NoticeValues
                    {
                        { "MeetingNumber", meeting.Number },
                        { "MeetingStartsAt", new NoticeValue.Instant(meeting.StartsAt, session.TimeZoneId) },
                        { "MeetingEndsAt", new NoticeValue.Instant(meeting.EndsAt, session.TimeZoneId) },
                        { "MeetingRoom", meeting.Room is { } room ? new NoticeValue.Text(room) : new NoticeValue.Translated(session.Venue.Copy()) },
                    });
                }

                var host = links.Host;
                if (campaign.Kind == NoticeKinds.ConveningNotice.Key || (campaign.Kind == NoticeKinds.MeetingNotice.Key && meeting is not null))
                {
                    foreach (var language in Languages.All)
                    {
                        var events = campaign.Kind == NoticeKinds.ConveningNotice.Key
                            ? SessionCalendar.Events(session, session.Meetings, host, language, MeetingLabel(language))
                            : [SessionCalendar.Event(session, meeting!, host, language, MeetingLabel(language))];
                        calendars[language] = IcsCalendar.Write(session.TimeZoneId, events, now);
                    }
                }
            }

            var organisationIds = campaign.SessionId is { } id
                ? db.Delegations.Where(d => d.SessionId == id).Select(d => d.OrganisationId)
                : db.Organisations.Select(o => o.Id);
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
            var translated = await db.OrganisationNames.AsNoTracking().Where(n => organisationIds.Contains(n.OrganisationId))
                .Select(n => new { n.OrganisationId, n.Language, n.Name }).ToListAsync(cancellationToken);
            var names = organisations.ToDictionary(o => o.Id, o => new Dictionary<string, string> { [""] = o.Name });
            foreach (var name in translated)
            {
                if (names.TryGetValue(name.OrganisationId, out var byLanguage))
                {
                    byLanguage[name.Language] = name.Name;
                }
            }

            return new CampaignMessages(campaign, values, names, calendars, now);
        }

        /// <summary>"Meeting {0}" and the meeting's name in <paramref name="language"/>, for the calendar's event titles.</summary>
        private Func<Meeting, string> MeetingLabel(string language)
        {
            var (culture, format) = Cultures.In(language, () => (CultureInfo.CurrentCulture, t["Meeting {0}"].Value));
            return meeting => Meeting.Titled(string.Format(culture, format, meeting.Number), meeting.Name, language);
        }
    }
}
