using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.Participants;

/// <summary>
/// The margins of every printed page of the list of participants: the session (symbol and title) at the top, the date
/// it was printed and "Page N of M" at the bottom, in the reader's language. CSS page-margin boxes hold no element, and the
/// site's CSP allows no inline style: the view links this stylesheet, written for the session and the language.
/// </summary>
public static class PrintedPageMargins
{
    public sealed class Handler(SessionsDbContext db, TimeProvider clock, IStringLocalizer<Text> t)
    {
        public async Task<string?> HandleAsync(int sessionId)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Symbol, s.Title, s.TimeZoneId }).SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(session.TimeZoneId);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
            return Css($"{session.Symbol} — {session.Title.In(Cultures.Current).Text}", t["Printed on {0}", today.Day()], t["Page {0} of {1}"]);
        }
    }

    /// <summary>The @page rule; <paramref name="pageOfPages"/> is the localised "Page {0} of {1}", its holes filled by the page counters.</summary>
    public static string Css(string session, string printedOn, string pageOfPages)
    {
        var pages = new StringBuilder();
        var rest = pageOfPages;
        while (rest.Length > 0)
        {
            var hole = rest.IndexOf('{', StringComparison.Ordinal);
            var end = hole < 0 ? -1 : rest.IndexOf('}', hole);
            if (hole < 0 || end < 0)
            {
                pages.Append(' ').Append(Quoted(rest));
                break;
            }

            if (hole > 0)
            {
                pages.Append(' ').Append(Quoted(rest[..hole]));
            }

            pages.Append(rest[(hole + 1)..end] == "0" ? " counter(page)" : " counter(pages)");
            rest = rest[(end + 1)..];
        }

        return $$"""
            @page {
                margin: 18mm 15mm 18mm;
                @top-center { content: {{Quoted(session)}}; font-size: 9pt; }
                @bottom-left { content: {{Quoted(printedOn)}}; font-size: 9pt; }
                @bottom-right { content:{{pages}}; font-size: 9pt; }
            }
            """;
    }

    /// <summary>A CSS string: quotes, backslashes and line ends escaped, so a title cannot end the rule.</summary>
    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' || char.IsControl(c) || c is '<' or '>')
            {
                quoted.Append('\\').Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }
}
