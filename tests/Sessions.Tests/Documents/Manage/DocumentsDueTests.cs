using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Documents.Manage;

/// <summary>The session's "documents due on" setting and the dashboard's line about pre-session documents before and after it.</summary>
public sealed class DocumentsDueTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private static readonly string[] _six = ["ar", "zh", "en", "fr", "ru", "es"];

    /// <summary>Today at the venue (Nairobi, three hours ahead of UTC).</summary>
    private DateOnly VenueToday => DateOnly.FromDateTime(VenueClock.ToLocal(factory.Clock.GetUtcNow().UtcDateTime, "Africa/Nairobi"));

    private async Task<string> DashboardAsync(int sessionId)
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return WebUtility.HtmlDecode(await client.GetStringAsync($"/sessions/manage/{sessionId}/dashboard"));
    }

    [Fact]
    public void Documents_are_due_six_weeks_before_the_opening_unless_the_session_says_otherwise()
    {
        var session = new Session(1, 2, "HSP/HA.2", TranslatedText.English("Second session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", new DateOnly(2023, 6, 5), new DateOnly(2023, 6, 9));
        Assert.Equal(new DateOnly(2023, 4, 24), session.DocumentsDue);
        session.DocumentsDueOn = new DateOnly(2023, 4, 12);
        Assert.Equal(new DateOnly(2023, 4, 12), session.DocumentsDue);
    }

    [Fact]
    public async Task Before_the_due_date_the_dashboard_says_how_many_days_are_left()
    {
        var dueOn = VenueToday.AddDays(10);
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), dueOn.AddDays(30), configure: s => s.DocumentsDueOn = dueOn);
        await factory.AddDocumentAsync(sessionId, "1", languages: ["en"]);

        var html = await DashboardAsync(sessionId);

        Assert.Contains("data-state=\"before\"", html);
        Assert.Contains($"Pre-session documents are due in all six languages on {dueOn.ToString("D", CultureInfo.GetCultureInfo("en"))}: 10 days left.", html);
        Assert.DoesNotContain("lack a language version", html);
    }

    [Fact]
    public async Task On_the_due_date_the_dashboard_warns_of_drafts_and_missing_languages_and_links_to_them()
    {
        var dueOn = VenueToday.AddDays(1);
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), dueOn.AddDays(42), configure: s => s.DocumentsDueOn = dueOn);
        var distributed = VenueToday.AddDays(-5);
        await factory.AddDocumentAsync(sessionId, "1", distributedOn: distributed, languages: _six);
        await factory.AddDocumentAsync(sessionId, "2", distributedOn: distributed, languages: ["en", "fr"]);
        await factory.AddDocumentAsync(sessionId, "3", languages: ["en"]);
        await factory.AddDocumentAsync(sessionId, "4", languages: _six);
        await factory.AddDocumentAsync(sessionId, "INF/1", kind: DocumentKind.Information, languages: ["en"]);

        Assert.Contains("1 day left", await DashboardAsync(sessionId));
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var html = await DashboardAsync(sessionId);

        Assert.Contains("data-state=\"late\"", html);
        Assert.Contains($"Pre-session documents were due in all six languages on {dueOn.ToString("D", CultureInfo.GetCultureInfo("en"))}.", html);
        Assert.Contains($"<a class=\"alert-link\" href=\"/sessions/manage/{sessionId}/documents?kind=PreSession&missing=any\">2 pre-session documents lack a language version</a>", html);
        Assert.Contains($"<a class=\"alert-link\" href=\"/sessions/manage/{sessionId}/documents?kind=PreSession&drafts=true\">2 pre-session documents are still drafts</a>", html);
    }

    [Fact]
    public async Task After_the_due_date_with_everything_distributed_in_six_languages_there_is_no_warning()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), VenueToday.AddDays(20));
        await factory.AddDocumentAsync(sessionId, "1", distributedOn: VenueToday.AddDays(-30), languages: _six);

        var html = await DashboardAsync(sessionId);

        Assert.Contains("data-state=\"complete\"", html);
        Assert.DoesNotContain("role=\"alert\" data-role=\"documents-due\"", html);
    }

    [Fact]
    public async Task The_session_form_keeps_the_documents_due_date()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2));
        var current = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Sessions.Where(s => s.Id == id).Select(s => new { s.Version, s.Symbol, s.Title }).SingleAsync());
        var form = new Dictionary<string, string>
        {
            ["Version"] = current.Version.ToString(),
            ["BodyId"] = bodyId.ToString(CultureInfo.InvariantCulture),
            ["Number"] = "1",
            ["Symbol"] = current.Symbol,
            ["Title.En"] = current.Title.Original,
            ["Venue.En"] = "United Nations Office at Nairobi",
            ["TimeZoneId"] = "Africa/Nairobi",
            ["OpensOn"] = "2031-06-02",
            ["ClosesOn"] = "2031-06-06",
            ["IsPublished"] = "true",
            ["DocumentsDueOn"] = "2031-04-15",
        };

        var response = await client.PostFormAsync($"/sessions/manage/{id}/edit", form, $"/sessions/manage/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2031, 4, 15), await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Sessions.Where(s => s.Id == id).Select(s => s.DocumentsDueOn).SingleAsync()));
        Assert.Contains("value=\"2031-04-15\"", await client.GetStringAsync($"/sessions/manage/{id}/edit"));
    }
}
