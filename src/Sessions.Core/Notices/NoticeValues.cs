using System.Collections;
using System.Globalization;
using Sessions.Core.Common;
using Sessions.Core.Sessions;

namespace Sessions.Core.Notices;

/// <summary>
/// A value for a placeholder. It is turned into text only when the notice is rendered, in the recipient's
/// culture: a date in their way of writing dates, a name in their language.
/// </summary>
public abstract record NoticeValue
{
    public abstract string Format(CultureInfo culture);

    public static implicit operator NoticeValue(string value) => new Text(value);

    /// <summary>Text shown as it is.</summary>
    public sealed record Text(string Value) : NoticeValue
    {
        public override string Format(CultureInfo culture) => Value;
    }

    /// <summary>Text that depends on the recipient's language (an organisation's name, a label), by two-letter code.</summary>
    public sealed record PerLanguage(Func<string, string> ForLanguage) : NoticeValue
    {
        public override string Format(CultureInfo culture) => ForLanguage(culture.TwoLetterISOLanguageName);
    }

    /// <summary>A text in the six UN languages (a session's title): the recipient's language, or the original.</summary>
    public sealed record Translated(TranslatedText Value) : NoticeValue
    {
        public override string Format(CultureInfo culture) => Value.In(Languages.OrDefault(culture.TwoLetterISOLanguageName)).Text;
    }

    public sealed record Number(long Value) : NoticeValue
    {
        public override string Format(CultureInfo culture) => Value.ToString("N0", culture);
    }

    /// <summary>An instant, shown as the clock at the venue reads it, with the time zone named: "20 May 2026 18:00 (Africa/Nairobi)".</summary>
    public sealed record Instant(DateTime Utc, string TimeZoneId) : NoticeValue
    {
        public override string Format(CultureInfo culture)
        {
            var local = Sessions.VenueClock.ToLocal(Utc, TimeZoneId);
            return $"{local.ToString("D", culture)} {local.ToString("t", culture)} ({TimeZoneId})";
        }
    }

    /// <summary>A calendar day, in the recipient's long date format.</summary>
    public sealed record Day(DateOnly Date) : NoticeValue
    {
        public override string Format(CultureInfo culture) => Date.ToString("D", culture);
    }

    /// <summary>A link: the address in the plain-text part, an anchor in the HTML part.</summary>
    public sealed record Link(string Url) : NoticeValue
    {
        public override string Format(CultureInfo culture) => Url;
    }

    /// <summary>
    /// A list of linked lines (the documents of a notice): in the plain-text part each line with its address under it, in
    /// the HTML part each line an anchor, marked with its language where it is not the notice's.
    /// </summary>
    public sealed record Listing(IReadOnlyList<ListingLine> Lines) : NoticeValue
    {
        public override string Format(CultureInfo culture) => string.Join("\n", Lines.Select(l => $"- {l.Text}\n  {l.Url}"));
    }

    /// <summary>One line of a <see cref="Listing"/>: its text, its address and the language of its text.</summary>
    public sealed record ListingLine(string Text, string Url, string Language);
}

/// <summary>The values of a notice's placeholders, by name: <c>new NoticeValues { { "Reason", reason } }</c>.</summary>
public sealed class NoticeValues : IEnumerable<KeyValuePair<string, NoticeValue>>
{
    private readonly Dictionary<string, NoticeValue> _values = new(StringComparer.Ordinal);

    public void Add(string name, NoticeValue value) => _values[name] = value;

    public void Add(string name, DateOnly day) => _values[name] = new NoticeValue.Day(day);

    public void Add(string name, TranslatedText text) => _values[name] = new NoticeValue.Translated(text.Copy());

    public void Add(string name, long number) => _values[name] = new NoticeValue.Number(number);

    public bool TryGetValue(string name, out NoticeValue value) => _values.TryGetValue(name, out value!);

    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>
    /// The session's placeholders (<see cref="NoticeKind.SessionPlaceholders"/>); a deadline the session has
    /// not set is an empty string. <paramref name="sessionUrl"/> is the absolute address of its public page.
    /// </summary>
    public static NoticeValues ForSession(Session session, string sessionUrl)
    {
        var values = new NoticeValues
        {
            { "SessionTitle", session.Title },
            { "SessionSymbol", session.Symbol },
            { "SessionVenue", session.Venue },
            { "SessionOpensOn", session.OpensOn },
            { "SessionClosesOn", session.ClosesOn },
            { "SessionLink", new NoticeValue.Link(sessionUrl) },
        };
        values.Add("NominationDeadline", Deadline(session.NominationDeadline));
        values.Add("RegistrationDeadline", Deadline(session.RegistrationDeadline));
        values.Add("StatementDeadline", Deadline(session.StatementDeadline));
        return values;

        NoticeValue Deadline(DateTime? utc) => utc is { } at ? new NoticeValue.Instant(at, session.TimeZoneId) : new NoticeValue.Text("");
    }

    /// <summary>These values and then <paramref name="more"/> (which win on a clash).</summary>
    public NoticeValues With(NoticeValues more)
    {
        var merged = new NoticeValues();
        foreach (var (name, value) in _values)
        {
            merged.Add(name, value);
        }

        foreach (var (name, value) in more)
        {
            merged.Add(name, value);
        }

        return merged;
    }

    public IEnumerator<KeyValuePair<string, NoticeValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
