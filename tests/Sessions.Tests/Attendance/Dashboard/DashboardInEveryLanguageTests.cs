using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Attendance.Dashboard;

/// <summary>The dashboard answers in each of the six languages, with no text left in English.</summary>
public sealed class DashboardInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_dashboard_and_its_charts_are_translated(string language)
    {
        var session = await factory.AddDashboardSessionAsync();
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync($"/sessions/manage/{session.SessionId}/dashboard");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Equal(language == Languages.Arabic, html.Contains("dir=\"rtl\"", StringComparison.Ordinal));
        string[] english =
        [
            "Headline figures", "Registered (submitted and not withdrawn)", "Present at one meeting at least", "Delegations by capacity and status",
            "Participants by capacity and status", "Check-ins per meeting", "Meeting 2, in progress", "Not recorded", "Speakers so far", "Speakers per agenda item",
            "Total speaking time", "Inscribed speakers", "Written statements by status", "Oral statements delivered", "Figures as of", "Member of the body",
        ];
        foreach (var text in english)
        {
            Assert.True((language == Languages.English) == html.Contains(text, StringComparison.Ordinal), $"{language}: \"{text}\"");
        }
    }
}
