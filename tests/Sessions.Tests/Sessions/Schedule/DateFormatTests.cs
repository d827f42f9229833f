using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Sessions.Core.Accounts;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.SessionsFeature.Schedule;

/// <summary>One format of dates and one of times on a page, in every language: the day as the language writes it in full, the time on the 24-hour clock.</summary>
public sealed partial class DateFormatTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex(@"<script\b.*?</script>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Markup();

    // 02/06/2031, 2.6.2031, 2031-06-02, 2031/6/2: any date written in figures.
    [GeneratedRegex(@"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")]
    private static partial Regex DateInFigures();

    [GeneratedRegex(@"\b(AM|PM|a\.m\.|p\.m\.)|上午|下午")]
    private static partial Regex TwelveHourClock();

    // Spaces of any kind (the no-break space of "2 июня 2031 г.") and the isolates around a time, as one space.
    private static string Spaced(string text) => Regex.Replace(text, @"[\s\u2066-\u2069]+", " ");

    [Theory]
    [InlineData("ar")]
    [InlineData("zh")]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ru")]
    [InlineData("es")]
    public async Task The_session_pages_write_every_date_and_time_in_the_house_format(string language)
    {
        var opensOn = new DateOnly(2031, 6, 2);
        var id = await factory.AddSessionAsync(await factory.AddBodyAsync(), opensOn, $"Dates in {language}", configure: session =>
        {
            session.AddAgendaItem("1", "Opening of the session.");
            session.AddMeeting(1, new DateTime(2031, 6, 2, 7, 0, 0, DateTimeKind.Utc), new DateTime(2031, 6, 2, 10, 0, 0, DateTimeKind.Utc), "Plenary Hall");
            session.NominationDeadline = new DateTime(2031, 5, 20, 14, 30, 0, DateTimeKind.Utc);
            session.StatementDeadline = new DateTime(2031, 5, 25, 9, 0, 0, DateTimeKind.Utc);
        });
        var culture = CultureInfo.GetCultureInfo(language);
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);

        foreach (var url in new[] { $"/sessions/{id}", $"/sessions/manage/{id}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = Spaced(WebUtility.HtmlDecode(Markup().Replace(await response.Content.ReadAsStringAsync(), " ")));

            Assert.Contains(Spaced(opensOn.ToString("D", culture)), text);
            // Nairobi is three hours ahead of UTC: the deadlines stand at the venue's time.
            Assert.Contains(Spaced($"{new DateTime(2031, 5, 20).ToString("D", culture)} 17:30"), text);
            Assert.Contains(Spaced($"{new DateTime(2031, 5, 25).ToString("D", culture)} 12:00"), text);
            Assert.Contains("10:00", text);
            Assert.Contains("13:00", text);
            Assert.False(DateInFigures().IsMatch(text), $"{url} in {language} writes a date in figures: {DateInFigures().Match(text).Value}");
            Assert.False(TwelveHourClock().IsMatch(text), $"{url} in {language} uses the 12-hour clock: {TwelveHourClock().Match(text).Value}");
        }
    }
}
