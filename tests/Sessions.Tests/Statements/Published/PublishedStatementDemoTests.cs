using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Statements.Published;

/// <summary>The demo's written statements on HSP/HA.2: every publication page has something to show.</summary>
public sealed class PublishedStatementDemoTests(DemoAppFactory factory) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task The_demo_session_publishes_three_issued_statements_and_keeps_the_others_out_of_sight()
    {
        var sessionId = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Symbol == "HSP/HA.2").Select(s => s.Id).SingleAsync());
        var statuses = await factory.WithDbAsync(db => db.WrittenStatements.Where(w => w.SessionId == sessionId).Select(w => w.Status).ToListAsync());
        Assert.Equal(3, statuses.Count(s => s == StatementStatus.Issued));
        Assert.Contains(StatementStatus.Submitted, statuses);
        Assert.Contains(StatementStatus.AwaitingCoSponsors, statuses);

        var reader = factory.CreateBrowser("fr");
        var list = WebUtility.HtmlDecode(await reader.GetStringAsync($"/sessions/{sessionId}/statements"));
        Assert.Contains("HSP/HA.2/INF/1", list);
        Assert.Contains("HSP/HA.2/INF/2", list);
        Assert.Contains("HSP/HA.2/NGO/1", list);
        Assert.Contains("Coalition internationale de l'habitat", list);
        Assert.DoesNotContain("Cities and the triple planetary crisis", list);
        Assert.DoesNotContain("Multilateralism for a sustainable urban future", list);

        var jointId = await factory.WithDbAsync(db => db.WrittenStatements.Where(w => w.Symbol == "HSP/HA.2/NGO/1").Select(w => w.Id).SingleAsync());
        var document = await reader.GetAsync($"/statements/issued/{jointId}");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var html = WebUtility.HtmlDecode(await document.Content.ReadAsStringAsync());
        Assert.Contains("Muungano wa Wanavijiji", html);
        Assert.True(html.IndexOf("Coalition internationale de l'habitat", StringComparison.Ordinal) < html.IndexOf("Huairou Commission", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/statements/issued/{jointId}/download")).StatusCode);
    }
}
