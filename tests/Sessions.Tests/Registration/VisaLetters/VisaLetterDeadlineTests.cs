using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Registration.VisaLetters.VisaLetterTestData;

namespace Sessions.Tests.Registration.VisaLetters;

/// <summary>The secretariat sets the deadline on the session form in the venue's time; requests close then, whatever the server's clock zone.</summary>
public sealed partial class VisaLetterDeadlineTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [GeneratedRegex(@"/sessions/manage/(\d+)")]
    private static partial Regex SessionId();

    [Fact]
    public async Task Requests_close_at_the_deadline_typed_in_the_venues_time_on_the_session_form()
    {
        var secretariat = await factory.SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var form = new Dictionary<string, string>
        {
            ["BodyId"] = bodyId.ToString(CultureInfo.InvariantCulture),
            ["Number"] = "7",
            ["Symbol"] = BodyAndSessionBuilders.UniquePrefix() + ".7",
            ["Title.En"] = "Seventh session",
            ["Venue.En"] = "United Nations Office at Nairobi",
            ["TimeZoneId"] = "Africa/Nairobi",
            ["OpensOn"] = "2031-06-02",
            ["ClosesOn"] = "2031-06-06",
            ["VisaRequestDeadline"] = "2031-05-20T23:59",
            ["WorkingLanguage"] = "fr",
            ["IsPublished"] = "true",
        };
        var created = await secretariat.PostFormAsync("/sessions/manage/new", form, $"/sessions/manage/new?bodyId={bodyId}");
        var sessionId = int.Parse(SessionId().Match(created.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        var session = await factory.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        Assert.Equal((new DateTime(2031, 5, 20, 20, 59, 0, DateTimeKind.Utc), "fr"), (session.VisaRequestDeadline, session.WorkingLanguage));
        Assert.Contains("value=\"2031-05-20T23:59\"", await secretariat.GetStringAsync($"/sessions/manage/{sessionId}/edit"));
        var onTime = await factory.NomineeAsync(sessionId: sessionId);
        var late = await onTime.Scenario.AnotherNomineeAsync(factory, familyName: "Late");

        factory.Clock.Advance(new DateTimeOffset(2031, 5, 20, 20, 59, 0, TimeSpan.Zero) - factory.Clock.GetUtcNow());
        var accepted = await factory.CreateBrowser().PostPageFormAsync(onTime.LinkPage, PassportForm());
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var refused = await factory.CreateBrowser().PostPageFormAsync(late.LinkPage, PassportForm());

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The deadline for visa letter requests has passed.", await refused.PageTextAsync());
        Assert.Contains("23:59", await factory.CreateBrowser().GetPageTextAsync(late.LinkPage));
        Assert.False(await factory.WithDbAsync(db => db.VisaLetterRequests.AnyAsync(r => r.ParticipantId == late.ParticipantId)));
    }
}
