using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Sessions.Calendar;

/// <summary>A published session's calendar (its days and its meetings) as an iCalendar file a calendar program can subscribe to.</summary>
public static class SessionCalendarFeed
{
    public sealed record Feed(string Symbol, string Calendar);

    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t, PublicLinks links, TimeProvider clock)
    {
        /// <summary>Null when there is no such published session.</summary>
        public async Task<Feed?> HandleAsync(int id, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().Include(s => s.Meetings).SingleOrDefaultAsync(s => s.Id == id && s.IsPublished, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var language = Cultures.Current;
            var format = t["Meeting {0}"].Value;
            var events = SessionCalendar.Events(session, session.Meetings, links.Host, language,
                meeting => Meeting.Titled(string.Format(System.Globalization.CultureInfo.CurrentCulture, format, meeting.Number), meeting.Name, language));
            return new Feed(session.Symbol, IcsCalendar.Write(session.TimeZoneId, events, clock.GetUtcNow().UtcDateTime, $"{session.Symbol} {session.Title.In(language).Text}"));
        }
    }
}
