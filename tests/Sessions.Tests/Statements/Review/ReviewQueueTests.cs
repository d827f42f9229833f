using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Statements.Review;

/// <summary>The session's statements queue: its filters, its pages, and the same list as an Excel workbook.</summary>
public sealed partial class ReviewQueueTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex("href=\"/statements/review/(\\d+)\"")]
    private static partial Regex StatementLink();

    [Fact]
    public async Task The_queue_shows_statements_in_review_by_default_and_filters_by_status_item_tier_language_late_and_search()
    {
        var session = await factory.AddReviewSessionAsync();
        var ngo = await factory.AddReviewSubmitterAsync(session.SessionId, name: $"Urban Voices {OrganisationSeeding.UniqueToken()}");
        var state = await factory.AddReviewSubmitterAsync(session.SessionId, Capacity.Member, StatementTier.State);
        var inReview = await factory.AddStatementAsync(session, ngo, title: "Slum upgrading now");
        var french = await factory.AddStatementAsync(session, state, title: "Logement pour tous", language: "fr", agendaItem: 2);
        var waiting = await factory.AddStatementAsync(session, state, title: "Joint appeal", coSponsors: [ngo]);
        var rejected = await factory.AddStatementAsync(session, ngo, title: "Rejected one");
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.WrittenStatements.SingleAsync(s => s.Id == rejected)).Reject("Off topic.", "test", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var queue = $"/sessions/manage/{session.SessionId}/statements";

        Assert.Equal([inReview, french], await IdsAsync(client, queue));
        Assert.Equal([inReview, french, waiting, rejected], await IdsAsync(client, $"{queue}?status=all"));
        Assert.Equal([waiting], await IdsAsync(client, $"{queue}?status=AwaitingCoSponsors"));
        Assert.Equal([french], await IdsAsync(client, $"{queue}?agendaItemId={session.AgendaItemIds[1]}"));
        Assert.Equal([french], await IdsAsync(client, $"{queue}?tier=State"));
        Assert.Equal([french], await IdsAsync(client, $"{queue}?capacity=Member"));
        Assert.Equal([inReview], await IdsAsync(client, $"{queue}?capacity=Stakeholder"));
        Assert.Equal([french], await IdsAsync(client, $"{queue}?language=fr"));
        Assert.Equal([inReview], await IdsAsync(client, $"{queue}?q=slum"));
        Assert.Equal([inReview], await IdsAsync(client, $"{queue}?q={Uri.EscapeDataString(ngo.OrganisationName[..12])}"));
        Assert.Equal([], await IdsAsync(client, $"{queue}?q=%25"));
        Assert.Equal([], await IdsAsync(client, $"{queue}?late=true"));
    }

    [Fact]
    public async Task A_late_statement_is_flagged_in_the_queue_and_found_by_the_late_filter()
    {
        var session = await factory.AddReviewSessionAsync();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var rules = StatementRules.ForSession(session.SessionId);
            rules.SetLateStatements(LateStatements.AcceptFlagged);
            db.StatementRules.Add(rules);
            await db.SaveChangesAsync();
        });
        var ngo = await factory.AddReviewSubmitterAsync(session.SessionId);
        var onTime = await factory.AddStatementAsync(session, ngo, title: "On time");
        var late = await factory.AddStatementAsync(session, ngo, title: "After the deadline", at: DateTime.UtcNow.AddDays(55));
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        Assert.Equal([late], await IdsAsync(client, $"/sessions/manage/{session.SessionId}/statements?late=true"));
        Assert.Equal([onTime], await IdsAsync(client, $"/sessions/manage/{session.SessionId}/statements?late=false"));
        Assert.Contains("Received late", await client.GetStringAsync($"/statements/review/{late}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Received late", await client.GetStringAsync($"/statements/review/{onTime}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_is_paged_by_fifty()
    {
        var session = await factory.AddReviewSessionAsync();
        var ngo = await factory.AddReviewSubmitterAsync(session.SessionId);
        var ids = new List<int>();
        for (var i = 0; i < 53; i++)
        {
            ids.Add(await factory.AddStatementAsync(session, ngo, title: $"Statement {i:00}", at: DateTime.UtcNow.AddMinutes(i - 100)));
        }

        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var first = await IdsAsync(client, $"/sessions/manage/{session.SessionId}/statements");
        var second = await IdsAsync(client, $"/sessions/manage/{session.SessionId}/statements?page=2");

        Assert.Equal(ids.Take(50), first);
        Assert.Equal(ids.Skip(50), second);
        Assert.Contains("Page 1 of 2", await client.GetStringAsync($"/sessions/manage/{session.SessionId}/statements"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_list_reads_back_with_its_header_frozen_filters_on_widths_set_and_formulas_kept_as_text()
    {
        var session = await factory.AddReviewSessionAsync();
        var ngo = await factory.AddReviewSubmitterAsync(session.SessionId, name: $"Заявитель {OrganisationSeeding.UniqueToken()}");
        var state = await factory.AddReviewSubmitterAsync(session.SessionId, Capacity.Member, StatementTier.State, name: $"Kenya {OrganisationSeeding.UniqueToken()}");
        var coSponsor = await factory.AddReviewSubmitterAsync(session.SessionId, tier: StatementTier.EcosocGeneral, name: $"Alliance {OrganisationSeeding.UniqueToken()}");
        var issued = await factory.AddStatementAsync(session, ngo, title: "=SUM(A1:A2)");
        var joint = await factory.AddStatementAsync(session, state, title: "住房问题", language: "zh", agendaItem: 2, coSponsors: [coSponsor]);
        await factory.AnswerAsync(joint, coSponsor, confirm: true);
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        await client.PostPageFormAsync($"/statements/review/{issued}/accept", new { }, $"/statements/review/{issued}");

        var response = await client.GetAsync($"/sessions/manage/{session.SessionId}/statements.xlsx?status=all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal("Symbol", sheet.Cell(1, 1).GetString());
        Assert.Equal("Title", sheet.Cell(1, 4).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal(50, sheet.Column(4).Width);
        Assert.Equal(3, sheet.LastRowUsed().RowNumber());

        var first = sheet.Row(2);
        Assert.Equal($"{session.Symbol}/NGO/1", first.Cell(1).GetString());
        Assert.Equal("Issued", first.Cell(2).GetString());
        Assert.Equal("=SUM(A1:A2)", first.Cell(4).GetString());
        Assert.False(first.Cell(4).HasFormula);
        Assert.Equal(ngo.OrganisationName, first.Cell(5).GetString());
        Assert.Equal("ECOSOC special status", first.Cell(6).GetString());
        Assert.Equal(10, first.Cell(9).GetValue<int>());
        Assert.Equal(1500, first.Cell(10).GetValue<int>());
        Assert.False(first.Cell(13).IsEmpty());

        var second = sheet.Row(3);
        Assert.Equal("住房问题", second.Cell(4).GetString());
        Assert.Equal(coSponsor.OrganisationName, second.Cell(7).GetString());
        Assert.Equal("zh", second.Cell(8).GetString());
        Assert.Equal(2500, second.Cell(10).GetValue<int>());
        Assert.True(second.Cell(13).IsEmpty());
    }

    private static async Task<List<int>> IdsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StatementLink().Matches(await response.Content.ReadAsStringAsync()).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }
}
