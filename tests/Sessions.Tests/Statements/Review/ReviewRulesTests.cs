using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Statements.Review;

/// <summary>The session's rules for written statements: defaults until saved, refusals shown with what was typed, edits over a stale form refused.</summary>
public sealed class ReviewRulesTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string Conflict = "Someone else changed this record while you were editing it. Review the current version below and apply your changes again.";

    private static Dictionary<string, string> Form(string stakeholderSeries = "{session}/NGO/{n}", string jointLimit = "3000")
    {
        return new Dictionary<string, string>
        {
            ["StateWordLimit"] = "2000",
            ["UnSystemWordLimit"] = "1800",
            ["IntergovernmentalWordLimit"] = "1800",
            ["EcosocGeneralWordLimit"] = "2000",
            ["EcosocSpecialWordLimit"] = "1200",
            ["EcosocRosterWordLimit"] = "1000",
            ["OtherAccreditationWordLimit"] = "900",
            ["JointWordLimit"] = jointLimit,
            ["LateStatements"] = "AcceptFlagged",
            ["StateSeries"] = "{session}/INF/{n}",
            ["IntergovernmentalSeries"] = "{session}/IGO/{n}",
            ["StakeholderSeries"] = stakeholderSeries,
        };
    }

    private static IEnumerable<KeyValuePair<string, string>> WithLists(Dictionary<string, string> form, string version, string[] languages, string[] submitters) =>
        form.Select(f => f)
            .Concat(languages.Select(l => new KeyValuePair<string, string>("Languages", l)))
            .Concat(submitters.Select(s => new KeyValuePair<string, string>("Submitters", s)))
            .Append(new("Version", version));

    [Fact]
    public async Task A_session_without_rules_shows_the_defaults_and_the_first_save_creates_them()
    {
        var session = await factory.AddReviewSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var url = $"/sessions/manage/{session.SessionId}/statements/rules";

        var page = await client.GetStringAsync(url);
        Assert.Contains("value=\"1500\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"{session}/NGO/{n}\"", page, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.StatementRules.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == session.SessionId)));

        var (_, version) = await client.ReadFormAsync(url);
        var response = await client.PostFormAsync(url, WithLists(Form(), version, ["en", "fr", "es"], ["Members", "Stakeholders"]), url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rules = await factory.WithDbAsync(db => db.StatementRules.AsNoTracking().SingleAsync(r => r.SessionId == session.SessionId));
        Assert.Equal(3000, rules.JointWordLimit);
        Assert.Equal(1200, rules.EcosocSpecialWordLimit);
        Assert.Equal(LateStatements.AcceptFlagged, rules.LateStatements);
        Assert.Equal(["en", "fr", "es"], rules.AcceptedLanguageCodes);
        Assert.Equal(StatementSubmitters.Members | StatementSubmitters.Stakeholders, rules.Submitters);
        Assert.Equal("{session}/IGO/{n}", rules.IntergovernmentalSeries);
    }

    [Fact]
    public async Task Bad_rules_are_refused_with_what_was_typed_kept()
    {
        var session = await factory.AddReviewSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var url = $"/sessions/manage/{session.SessionId}/statements/rules";
        var (_, version) = await client.ReadFormAsync(url);

        var badSeries = await client.PostFormAsync(url, WithLists(Form(stakeholderSeries: "{session}/NGO/<script>"), version, ["en"], ["Members"]), url);
        var noLanguage = await client.PostFormAsync(url, WithLists(Form(), version, [], ["Members"]), url);
        var badLimit = await client.PostFormAsync(url, WithLists(Form(jointLimit: "0"), version, ["en"], ["Members"]), url);

        var html = await badSeries.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, badSeries.StatusCode);
        Assert.Contains("A series must contain {n} once", html, StringComparison.Ordinal);
        Assert.Contains("value=\"{session}/NGO/&lt;script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("Choose at least one language for written statements.", await noLanguage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("A word limit is a whole number from 1 to 100000.", await badLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.StatementRules.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == session.SessionId)));
    }

    [Fact]
    public async Task Saving_over_rules_someone_else_changed_meanwhile_is_refused_and_shows_their_version()
    {
        var session = await factory.AddReviewSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var url = $"/sessions/manage/{session.SessionId}/statements/rules";
        var (_, first) = await client.ReadFormAsync(url);
        await client.PostFormAsync(url, WithLists(Form(jointLimit: "2800"), first, ["en"], ["Members"]), url);
        var (_, opened) = await client.ReadFormAsync(url);
        await client.PostFormAsync(url, WithLists(Form(jointLimit: "2900"), opened, ["en"], ["Members"]), url);

        var stale = await client.PostFormAsync(url, WithLists(Form(jointLimit: "3100"), opened, ["en"], ["Members"]), url);

        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(Conflict.Replace("'", "&#x27;"), html, StringComparison.Ordinal);
        Assert.Contains("value=\"2900\"", html, StringComparison.Ordinal);
        Assert.Equal(2900, await factory.WithDbAsync(db => db.StatementRules.Where(r => r.SessionId == session.SessionId).Select(r => r.JointWordLimit).SingleAsync()));
    }

    [Fact]
    public async Task The_session_page_links_to_its_written_statements()
    {
        var session = await factory.AddReviewSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        Assert.Contains($"href=\"/sessions/manage/{session.SessionId}/statements\"", await client.GetStringAsync($"/sessions/manage/{session.SessionId}"), StringComparison.Ordinal);
    }
}
