using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Statements.Review;

/// <summary>
/// Two secretariat members accept statements at the same moment, over real connections: every issued statement gets
/// its own number, the numbers of a series run 1..n with no gap, and one statement accepted twice is issued once.
/// </summary>
public sealed class ReviewConcurrencyTests(KestrelAppFactory factory) : IClassFixture<KestrelAppFactory>
{
    private const string Conflict = "Someone else changed this record while you were editing it. Review the current version below and apply your changes again.";

    [Fact]
    public async Task Parallel_acceptances_number_each_series_from_one_without_gaps_or_repeats_and_issue_a_statement_once()
    {
        var session = await factory.AddReviewSessionAsync();
        var ngos = new[]
        {
            await factory.AddReviewSubmitterAsync(session.SessionId),
            await factory.AddReviewSubmitterAsync(session.SessionId),
        };
        var state = await factory.AddReviewSubmitterAsync(session.SessionId, Capacity.Member, StatementTier.State);
        var contested = await factory.AddReviewSubmitterAsync(session.SessionId);
        var stakeholderStatements = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            stakeholderStatements.Add(await factory.AddStatementAsync(session, ngos[i % 2], title: $"Statement {i}"));
        }

        var stateStatements = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            stateStatements.Add(await factory.AddStatementAsync(session, state, title: $"State statement {i}"));
        }

        var twice = await factory.AddStatementAsync(session, contested, title: "Accepted by both");
        var rejected = await factory.AddStatementAsync(session, ngos[0], title: "Rejected");
        var withdrawn = await factory.AddStatementAsync(session, ngos[1], title: "Withdrawn");
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.WrittenStatements.SingleAsync(s => s.Id == rejected)).Reject("Not on the agenda.", "test", DateTime.UtcNow);
            (await db.WrittenStatements.SingleAsync(s => s.Id == withdrawn)).Withdraw("test", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        var alice = factory.CreateConnectedBrowser("en");
        await alice.SignInAsAsync(factory, Roles.Secretariat);
        var bob = factory.CreateConnectedBrowser("en");
        await bob.SignInAsAsync(factory, Roles.Secretariat);

        // Both open every page they will act on first, as two people at their desks would; then all the clicks go at once.
        var all = stakeholderStatements.Concat(stateStatements).ToList();
        var posts = new List<(HttpClient Client, int Id, FormUrlEncodedContent Form)>();
        for (var i = 0; i < all.Count; i++)
        {
            var client = i % 2 == 0 ? alice : bob;
            posts.Add((client, all[i], await AcceptFormAsync(client, all[i])));
        }

        var aliceTwice = await AcceptFormAsync(alice, twice);
        var bobTwice = await AcceptFormAsync(bob, twice);
        posts.Insert(posts.Count / 2, (alice, twice, aliceTwice));
        posts.Insert(posts.Count / 2 + 1, (bob, twice, bobTwice));

        var responses = await Task.WhenAll(posts.Select(p => Task.Run(() => p.Client.PostAsync($"/statements/review/{p.Id}/accept", p.Form))));

        var byStatement = posts.Zip(responses).ToLookup(x => x.First.Id, x => x.Second);
        foreach (var id in all)
        {
            Assert.Equal(HttpStatusCode.Redirect, byStatement[id].Single().StatusCode);
        }

        var onTwice = byStatement[twice].ToList();
        Assert.Single(onTwice, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(onTwice, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains(Conflict.Replace("'", "&#x27;"), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var statements = await factory.WithDbAsync(db => db.WrittenStatements.AsNoTracking().Where(s => s.SessionId == session.SessionId).ToListAsync());
        var ngoSeries = $"{session.Symbol}/NGO/{{n}}";
        var stateSeries = $"{session.Symbol}/INF/{{n}}";
        Assert.Equal(Enumerable.Range(1, 13), statements.Where(s => s.Series == ngoSeries).Select(s => s.Number!.Value).Order());
        Assert.Equal(Enumerable.Range(1, 4), statements.Where(s => s.Series == stateSeries).Select(s => s.Number!.Value).Order());
        Assert.All(statements.Where(s => s.Status == StatementStatus.Issued), s => Assert.Equal(StatementSymbols.Symbol(s.Series!, s.Number!.Value), s.Symbol));
        Assert.Equal(17, statements.Count(s => s.Status == StatementStatus.Issued));
        Assert.Null(statements.Single(s => s.Id == rejected).Number);
        Assert.Null(statements.Single(s => s.Id == withdrawn).Number);
        Assert.Single(await factory.NoticesToAsync(contested.FocalPoint.Email!), n => n.Kind == NoticeKinds.StatementIssued.Key);
    }

    private static async Task<FormUrlEncodedContent> AcceptFormAsync(HttpClient client, int id)
    {
        var (token, version) = await client.ReadFormAsync($"/statements/review/{id}");
        return new FormUrlEncodedContent([new("Version", version), new("__RequestVerificationToken", token)]);
    }
}
