using System.Globalization;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Attendance.Statistics;

/// <summary>The figures written out as the secretariat reports them to the body, in the reader's language.</summary>
public static class ParticipationSentences
{
    public static IReadOnlyList<string> Write(CountParticipation.Figures figures, IStringLocalizer t)
    {
        var from = figures.From.ToString("D", CultureInfo.CurrentCulture);
        var to = figures.To.ToString("D", CultureInfo.CurrentCulture);
        var sentences = new List<string>
        {
            t.Plural("{0} sessions of the {1} opened between {2} and {3}.", figures.Sessions.Count, figures.BodyName.In(Cultures.Current).Text, from, to),
        };
        if (figures.Sessions.Count == 0)
        {
            return sentences;
        }

        var attended = t.Plural("{0} organisations attended the sessions of the {1} as observers", figures.OrganisationsAttending, figures.BodyName.In(Cultures.Current).Text);
        if (figures.OrganisationsAttending == 0)
        {
            sentences.Add(t["{0}.", attended]);
            return sentences;
        }

        sentences.Add(figures.OrganisationsThatMadeStatements == 0
            ? t["{0}; none of them made a statement.", attended]
            : t["{0}; {1}.", attended, t.Plural("{0} of them made {1}", figures.OrganisationsThatMadeStatements,
                t.Plural("{0} oral and written statements", figures.Statements))]);
        if (figures.Statements > 0)
        {
            sentences.Add(t["They comprise {0} and {1}.",
                t.Plural("{0} oral statements", figures.OralStatements),
                t.Plural("{0} written statements", figures.WrittenStatements)]);
        }

        if (figures.ObserversInTheRoom + figures.ObserversOnline > 0)
        {
            sentences.Add(t["Participants of observer organisations present at a meeting: {0} in the room and {1} online.",
                figures.ObserversInTheRoom.ToString("N0", CultureInfo.CurrentCulture), figures.ObserversOnline.ToString("N0", CultureInfo.CurrentCulture)]);
            if (figures.ObserversOnline != figures.ObserversInTheRoom)
            {
                sentences.Add(figures.ObserversOnline > figures.ObserversInTheRoom ? t["Most observers attended online."] : t["Most observers attended in the room."]);
            }
        }

        return sentences;
    }
}
