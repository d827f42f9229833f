using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>The secretariat opens the session's speakers lists and sets each one up.</summary>
public sealed class InscriptionListSetupTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Secretariat_opens_a_list_whose_window_is_the_sessions_speaker_inscription_window()
    {
        var opens = new DateTime(2031, 3, 1, 6, 0, 0, DateTimeKind.Utc);
        var session = await factory.AddSpeakersSessionAsync(opens, opens.AddDays(7));
        var client = await SecretariatAsync();
        Assert.Contains($"/sessions/manage/{session.SessionId}/speakers", await client.GetStringAsync($"/sessions/manage/{session.SessionId}"), StringComparison.Ordinal);

        var response = await client.PostFormAsync($"/sessions/manage/{session.SessionId}/speakers", new { AgendaItemId = session.AgendaItemId, MeetingId = session.MeetingId });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await factory.WithDbAsync(db => db.SpeakersLists.AsNoTracking().SingleAsync(l => l.SessionId == session.SessionId));
        Assert.Equal((session.AgendaItemId, (int?)session.MeetingId, true, (DateTime?)opens, (DateTime?)opens.AddDays(7)), (list.AgendaItemId, list.MeetingId, list.IsOpen, list.InscriptionOpensAt, list.InscriptionClosesAt));
        var settings = await client.GetStringAsync($"/speakers/{list.Id}/settings");
        // Nairobi is UTC+3: the window is shown at the venue.
        Assert.Contains("value=\"2031-03-01T09:00\"", settings, StringComparison.Ordinal);
        Assert.Contains("Africa/Nairobi", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_list_cannot_be_opened_twice_and_an_item_of_another_session_answers_404()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var other = await factory.AddSpeakersSessionAsync();
        var client = await SecretariatAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/sessions/manage/{session.SessionId}/speakers", new { AgendaItemId = session.AgendaItemId, MeetingId = "" })).StatusCode);

        var twice = await client.PostFormAsync($"/sessions/manage/{session.SessionId}/speakers", new { AgendaItemId = session.AgendaItemId, MeetingId = "" });
        var foreignItem = await client.PostFormAsync($"/sessions/manage/{session.SessionId}/speakers", new { AgendaItemId = other.AgendaItemId, MeetingId = "" });
        var foreignMeeting = await client.PostFormAsync($"/sessions/manage/{session.SessionId}/speakers", new { AgendaItemId = session.AgendaItemId, MeetingId = other.MeetingId });

        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("This agenda item already has a speakers list for this meeting (or for the whole item).", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreignItem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignMeeting.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.SpeakersLists.CountAsync(l => l.SessionId == session.SessionId)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SpeakersLists.CountAsync(l => l.SessionId == other.SessionId)));
    }

    [Fact]
    public async Task Settings_are_saved_in_the_sessions_time_zone_and_a_stale_form_is_refused_with_the_fresh_values()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var client = await SecretariatAsync();
        var stale = await client.GetStringAsync($"/speakers/{listId}/settings");
        var staleVersion = Regex.Match(stale, "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;

        var saved = await client.PostFormAsync($"/speakers/{listId}/settings", Settings(staleVersion, "2031-06-02T09:30", "4:30", "7"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await factory.SpeakersListAsync(listId);
        Assert.Equal((false, (DateTime?)new DateTime(2031, 6, 2, 6, 30, 0, DateTimeKind.Utc), 270, 180, 600, 300, 7),
            (list.IsOpen, list.InscriptionOpensAt, list.MemberStatementSeconds, list.ObserverStatementSeconds, list.FirstReplySeconds, list.SecondReplySeconds, list.NotifyWhenSpeakersAhead));

        var late = await client.PostFormAsync($"/speakers/{listId}/settings", Settings(staleVersion, "2031-06-02T11:00", "9:00", "2"));

        var html = await late.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Someone else changed this record while you were editing it.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"4:30\"", html, StringComparison.Ordinal);
        Assert.Equal(270, (await factory.SpeakersListAsync(listId)).MemberStatementSeconds);
    }

    [Fact]
    public async Task A_badly_typed_time_limit_or_window_is_refused_with_what_was_typed()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var client = await SecretariatAsync();
        var version = Regex.Match(await client.GetStringAsync($"/speakers/{listId}/settings"), "name=\"Version\" value=\"([^\"]+)\"").Groups[1].Value;

        var badLimit = await client.PostFormAsync($"/speakers/{listId}/settings", Settings(version, "2031-06-02T09:30", "five", "3"));
        var badWindow = await client.PostFormAsync($"/speakers/{listId}/settings", Settings(version, "2031-06-02T09:30", "5:00", "3", closesAt: "2031-06-01T09:30"));

        var limitHtml = await badLimit.Content.ReadAsStringAsync();
        Assert.Contains("as minutes and seconds, for example 5:00.", limitHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"five\"", limitHtml, StringComparison.Ordinal);
        Assert.Contains("Speaker inscription must close after it opens.", await badWindow.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(300, (await factory.SpeakersListAsync(listId)).MemberStatementSeconds);
    }

    [Fact]
    public async Task Only_the_secretariat_reaches_the_lists_and_their_settings()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId);

        await client.AssertForbiddenAsync($"/sessions/manage/{session.SessionId}/speakers");
        await client.AssertForbiddenAsync($"/speakers/{listId}/settings");
        Assert.Contains("href=\"/speakers/mine\"", await client.GetStringAsync("/speakers/mine"), StringComparison.Ordinal);
        var anonymous = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/speakers/mine")).StatusCode);
    }

    private static Dictionary<string, string> Settings(string version, string opensAt, string memberLimit, string ahead, string closesAt = "") => new()
    {
        ["Version"] = version,
        ["IsOpen"] = "false",
        ["OpensAt"] = opensAt,
        ["ClosesAt"] = closesAt,
        ["MemberStatement"] = memberLimit,
        ["ObserverStatement"] = "3:00",
        ["FirstReply"] = "10:00",
        ["SecondReply"] = "5:00",
        ["NotifyWhenSpeakersAhead"] = ahead,
    };

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }
}
