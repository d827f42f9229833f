using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.SessionsFeature.Schedule;

public sealed class SessionsPagesTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private async Task<HttpClient> SecretariatAsync(string language = "en")
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private Task<T> InDbAsync<T>(Func<SessionsDbContext, Task<T>> query) =>
        factory.InScopeAsync(sp => query(sp.GetRequiredService<SessionsDbContext>()));

    private static int IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> SessionForm(int bodyId, string symbol, string title, string opensOn = "2031-06-02", string closesOn = "2031-06-06") => new()
    {
        ["BodyId"] = bodyId.ToString(CultureInfo.InvariantCulture),
        ["Number"] = "7",
        ["Symbol"] = symbol,
        ["Title.En"] = title,
        ["Venue.En"] = "United Nations Office at Nairobi",
        ["TimeZoneId"] = "Africa/Nairobi",
        ["OpensOn"] = opensOn,
        ["ClosesOn"] = closesOn,
        ["RegistrationDeadline"] = "2031-05-20T23:59",
        ["IsPublished"] = "true",
    };

    [Fact]
    public async Task The_new_session_form_proposes_the_next_number_and_symbol_of_the_body()
    {
        var client = await SecretariatAsync();
        var prefix = BodyAndSessionBuilders.UniquePrefix();
        var bodyId = await factory.AddBodyAsync(prefix: prefix);

        var html = await client.GetStringAsync($"/sessions/manage/new?bodyId={bodyId}");

        Assert.Contains($"value=\"{prefix}.1\"", html);
        Assert.Contains("<option selected=\"selected\" value=\"Africa/Nairobi\">", html);
    }

    [Fact]
    public async Task A_deadline_typed_as_23_59_in_nairobi_is_stored_as_20_59_utc_and_shown_as_typed()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var symbol = BodyAndSessionBuilders.UniquePrefix() + ".7";

        var id = IdFrom(await client.PostFormAsync("/sessions/manage/new", SessionForm(bodyId, symbol, "Seventh session"), $"/sessions/manage/new?bodyId={bodyId}"));

        var session = await InDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(new DateTime(2031, 5, 20, 20, 59, 0, DateTimeKind.Utc), session.RegistrationDeadline);
        Assert.Equal(symbol, session.Symbol);
        Assert.True(session.IsPublished);
        var edit = await client.GetStringAsync($"/sessions/manage/{id}/edit");
        Assert.Contains("value=\"2031-05-20T23:59\"", edit);
    }

    [Fact]
    public async Task Deadlines_typed_in_an_arabic_or_russian_interface_are_understood_the_same()
    {
        foreach (var language in new[] { "ar", "ru" })
        {
            var client = await SecretariatAsync(language);
            var bodyId = await factory.AddBodyAsync();
            var symbol = BodyAndSessionBuilders.UniquePrefix() + ".7";

            var id = IdFrom(await client.PostFormAsync("/sessions/manage/new", SessionForm(bodyId, symbol, "Seventh session"), $"/sessions/manage/new?bodyId={bodyId}"));

            var session = await InDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id));
            Assert.Equal(new DateOnly(2031, 6, 2), session.OpensOn);
            Assert.Equal(new DateTime(2031, 5, 20, 20, 59, 0, DateTimeKind.Utc), session.RegistrationDeadline);
        }
    }

    [Fact]
    public async Task A_session_closing_before_it_opens_is_refused_with_what_was_typed_kept()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var symbol = BodyAndSessionBuilders.UniquePrefix() + ".7";

        var response = await client.PostFormAsync("/sessions/manage/new", SessionForm(bodyId, symbol, "A title typed by hand", "2031-06-06", "2031-06-02"), $"/sessions/manage/new?bodyId={bodyId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The session cannot close before it opens.", html);
        Assert.Contains("value=\"A title typed by hand\"", html);
        Assert.Contains("value=\"2031-05-20T23:59\"", html);
        Assert.False(await InDbAsync(db => db.Sessions.AnyAsync(s => s.Symbol == symbol)));
    }

    [Fact]
    public async Task A_symbol_used_by_another_session_is_refused()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var existing = await factory.AddSessionAsync(bodyId, new DateOnly(2030, 1, 1));
        var symbol = await InDbAsync(db => db.Sessions.Where(s => s.Id == existing).Select(s => s.Symbol).SingleAsync());

        var response = await client.PostFormAsync("/sessions/manage/new", SessionForm(bodyId, symbol, "Duplicate"), $"/sessions/manage/new?bodyId={bodyId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"The symbol {symbol} is already used by another session.", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await InDbAsync(db => db.Sessions.CountAsync(s => s.Symbol == symbol)));
    }

    [Fact]
    public async Task A_session_breaking_several_rules_is_refused_with_each_rule_on_its_field_at_once()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var existing = await factory.AddSessionAsync(bodyId, new DateOnly(2030, 1, 1));
        var symbol = await InDbAsync(db => db.Sessions.Where(s => s.Id == existing).Select(s => s.Symbol).SingleAsync());
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2));
        var version = await InDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        var form = SessionForm(bodyId, symbol, "Everything wrong", "2031-06-06", "2031-06-02");
        form["Version"] = version.ToString();
        form["InscriptionOpensAt"] = "2031-06-01T10:00";
        form["InscriptionClosesAt"] = "2031-05-01T10:00";

        var response = await client.PostFormAsync($"/sessions/manage/{id}/edit", form, $"/sessions/manage/{id}/edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There are 3 problems with this form", html);
        Assert.Contains($"<a href=\"#Symbol\" data-field=\"Symbol\">The symbol {symbol} is already used by another session.</a>", html);
        Assert.Contains("<a href=\"#ClosesOn\" data-field=\"ClosesOn\">The session cannot close before it opens.</a>", html);
        Assert.Contains("<a href=\"#InscriptionClosesAt\" data-field=\"InscriptionClosesAt\">Speaker inscription must close after it opens.</a>", html);
        Assert.Equal(1, await InDbAsync(db => db.Sessions.CountAsync(s => s.Symbol == symbol)));
        Assert.NotEqual("Everything wrong", await InDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Title.Original).SingleAsync()));
    }

    [Fact]
    public async Task Editing_a_session_someone_else_saved_meanwhile_shows_the_concurrency_message()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2030, 3, 1));
        var current = await InDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => new { s.Version, s.Symbol }).SingleAsync());

        Dictionary<string, string> Form(string title)
        {
            var form = SessionForm(bodyId, current.Symbol, title, "2030-03-01", "2030-03-05");
            form["Version"] = current.Version.ToString();
            return form;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/sessions/manage/{id}/edit", Form("Saved first"), $"/sessions/manage/{id}/edit")).StatusCode);
        var second = await client.PostFormAsync($"/sessions/manage/{id}/edit", Form("Saved second"), $"/sessions/manage/{id}/edit");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this record while you were editing it.", html);
        Assert.Contains("value=\"Saved first\"", html);
        Assert.Equal("Saved first", await InDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Title.Original).SingleAsync()));
    }

    /// <summary>An agenda item's form with its title written in English only.</summary>
    private static Dictionary<string, string> ItemForm(string number, string title) => new()
    {
        ["Number"] = number,
        ["Title.OriginalLanguage"] = "en",
        ["Title.En"] = title,
    };

    [Fact]
    public async Task Secretariat_adds_edits_reorders_and_deletes_agenda_items()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2030, 5, 1));
        var newItem = $"/sessions/manage/{id}/agenda/new";

        Assert.Contains("value=\"1\"", await client.GetStringAsync(newItem));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(newItem, ItemForm("1", "Opening of the session."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(newItem, ItemForm("2", "Adoption of the agenda."))).StatusCode);

        var duplicate = await client.PostFormAsync(newItem, ItemForm("2", "Typed twice"));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var duplicateHtml = await duplicate.Content.ReadAsStringAsync();
        Assert.Contains("Agenda item 2 already exists.", duplicateHtml);
        Assert.Contains("Typed twice", duplicateHtml);

        var items = await InDbAsync(db => db.AgendaItems.AsNoTracking().Where(a => a.SessionId == id).OrderBy(a => a.Sequence).ToListAsync());
        var second = items[1];
        await client.PostFormAsync($"/sessions/manage/{id}/agenda/{second.Id}/move-up", new { }, $"/sessions/manage/{id}");
        Assert.Equal(["2", "1"], await InDbAsync(db => db.AgendaItems.Where(a => a.SessionId == id).OrderBy(a => a.Sequence).Select(a => a.Number).ToListAsync()));

        var edited = await client.PostFormAsync($"/sessions/manage/{id}/agenda/{second.Id}/edit", ItemForm("2", "Adoption of the agenda and organization of work."));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Adoption of the agenda and organization of work.", await client.GetStringAsync($"/sessions/manage/{id}"));

        await client.PostConfirmedFormAsync($"/sessions/manage/{id}/agenda/{items[0].Id}/delete", new { }, $"/sessions/manage/{id}");
        Assert.Equal(["2"], await InDbAsync(db => db.AgendaItems.Where(a => a.SessionId == id).Select(a => a.Number).ToListAsync()));
    }

    [Fact]
    public async Task Secretariat_schedules_meetings_in_the_venue_time_and_a_meeting_ending_before_it_starts_is_refused()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2));
        var newMeeting = $"/sessions/manage/{id}/meetings/new";

        var form = await client.GetStringAsync(newMeeting);
        Assert.Contains("value=\"2031-06-02T10:00\"", form);
        Assert.Contains("value=\"2031-06-02T13:00\"", form);

        var refused = await client.PostFormAsync(newMeeting, new { Number = "1", StartsAt = "2031-06-02T13:00", EndsAt = "2031-06-02T10:00", Room = "Room typed by hand" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("A meeting must end after it starts.", refusedHtml);
        Assert.Contains("value=\"Room typed by hand\"", refusedHtml);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(newMeeting, new { Number = "1", StartsAt = "2031-06-02T10:00", EndsAt = "2031-06-02T13:00", Room = "Plenary Hall" })).StatusCode);
        var meeting = await InDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.SessionId == id));
        Assert.Equal(new DateTime(2031, 6, 2, 7, 0, 0, DateTimeKind.Utc), meeting.StartsAt);
        Assert.Equal(new DateTime(2031, 6, 2, 10, 0, 0, DateTimeKind.Utc), meeting.EndsAt);

        var next = await client.GetStringAsync(newMeeting);
        Assert.Contains("value=\"2\"", next);
        Assert.Contains("value=\"2031-06-02T15:00\"", next);

        var moved = await client.PostFormAsync($"/sessions/manage/{id}/meetings/{meeting.Id}/edit", new { StartsAt = "2031-06-02T10:30", EndsAt = "2031-06-02T13:30", Room = "Conference Room 2" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var rescheduled = await InDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(new DateTime(2031, 6, 2, 7, 30, 0, DateTimeKind.Utc), rescheduled.StartsAt);
        Assert.Equal("Conference Room 2", rescheduled.Room);

        await client.PostConfirmedFormAsync($"/sessions/manage/{id}/meetings/{meeting.Id}/delete", new { }, $"/sessions/manage/{id}");
        Assert.False(await InDbAsync(db => db.Meetings.AnyAsync(m => m.SessionId == id)));
    }

    [Fact]
    public async Task The_public_session_page_needs_no_sign_in_and_shows_the_agenda_and_the_meetings_in_local_time()
    {
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2), "Public session for the page test", configure: session =>
        {
            session.AddAgendaItem("1", "Opening of the session.");
            session.AddAgendaItem("2", "Adequate housing for all.");
            session.AddMeeting(1, new DateTime(2031, 6, 2, 7, 0, 0, DateTimeKind.Utc), new DateTime(2031, 6, 2, 10, 0, 0, DateTimeKind.Utc), "Plenary Hall");
        });

        var response = await factory.CreateBrowser("fr").GetAsync($"/sessions/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Public session for the page test", html);
        Assert.Contains("Adequate housing for all.", html);
        Assert.Contains("Africa/Nairobi (UTC+03:00)", html);
        Assert.Contains("datetime=\"2031-06-02T10:00\">10:00</time>", html);
        Assert.Contains("datetime=\"2031-06-02T13:00\">13:00</time>", html);
        Assert.Contains("lundi 2 juin 2031", html);
        Assert.Contains("Séance 1", html);
    }

    [Fact]
    public async Task Unpublished_sessions_are_neither_listed_nor_shown_to_the_public()
    {
        var bodyId = await factory.AddBodyAsync();
        await factory.AddSessionAsync(bodyId, new DateOnly(2031, 9, 1), "A published session");
        var hidden = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 9, 8), "A session still in draft", published: false);
        var anonymous = factory.CreateBrowser("en");

        var list = await anonymous.GetAsync("/sessions");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("A published session", html);
        Assert.DoesNotContain("A session still in draft", html);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/sessions/{hidden}")).StatusCode);
    }

    [Fact]
    public async Task The_public_list_puts_sessions_that_have_closed_under_past_sessions()
    {
        var bodyId = await factory.AddBodyAsync();
        await factory.AddSessionAsync(bodyId, new DateOnly(2019, 5, 27), "A session long closed");
        await factory.AddSessionAsync(bodyId, new DateOnly(2032, 5, 27), "A session yet to open");

        var html = await factory.CreateBrowser("en").GetStringAsync("/sessions");

        var past = html.IndexOf("Past sessions", StringComparison.Ordinal);
        Assert.InRange(html.IndexOf("A session yet to open", StringComparison.Ordinal), 0, past);
        Assert.True(html.IndexOf("A session long closed", StringComparison.Ordinal) > past);
    }

    [Fact]
    public async Task Focal_point_cannot_open_the_session_management_pages()
    {
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 1, 1));
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        await client.AssertForbiddenAsync("/sessions/manage");
        await client.AssertForbiddenAsync("/sessions/manage/new");
        await client.AssertForbiddenAsync($"/sessions/manage/{id}");
        await client.AssertForbiddenAsync($"/sessions/manage/{id}/edit");
        await client.AssertForbiddenAsync($"/sessions/manage/{id}/agenda/new");
        await client.AssertForbiddenAsync($"/sessions/manage/{id}/meetings/new");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/sessions/{id}")).StatusCode);
    }
}
