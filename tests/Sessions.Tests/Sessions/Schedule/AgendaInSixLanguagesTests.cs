using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.SessionsFeature.Schedule;

/// <summary>Agenda items' titles and meetings' names in the six UN languages: entered through the forms, read in the reader's language.</summary>
public sealed class AgendaInSixLanguagesTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string ArabicDebate = "المناقشة العامة";

    private async Task<HttpClient> SecretariatAsync(string language = "en")
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private static TranslatedText Translated(string english, params (string Language, string Text)[] translations)
    {
        var text = TranslatedText.English(english);
        foreach (var (language, translation) in translations)
        {
            text.Translate(language, translation);
        }

        return text;
    }

    private Task TranslateItemAsync(int itemId, string language, string text) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var item = await db.AgendaItems.SingleAsync(a => a.Id == itemId);
            item.Title.Translate(language, text);
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task An_agenda_item_entered_in_several_languages_is_kept_in_each_and_a_refused_form_keeps_what_was_typed()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2), configure: s => s.AddAgendaItem("1", "Opening of the session."));
        var newItem = $"/sessions/manage/{id}/agenda/new";

        var form = await client.GetStringAsync(newItem);
        Assert.Contains("name=\"Title.Ar\"", form);
        Assert.Contains("name=\"Title.OriginalLanguage\"", form);

        var typed = new Dictionary<string, string>
        {
            ["Number"] = "1",
            ["Title.OriginalLanguage"] = "fr",
            ["Title.Fr"] = "Un logement convenable pour tous.",
            ["Title.En"] = "Adequate housing for all.",
            ["Title.Ar"] = "السكن اللائق للجميع.",
        };
        var refused = await client.PostFormAsync(newItem, typed);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Agenda item 1 already exists.", refusedHtml);
        Assert.Contains(">Un logement convenable pour tous.</textarea>", refusedHtml);
        Assert.Contains("السكن اللائق للجميع.", refusedHtml);
        Assert.Matches("<option (selected=\"selected\" value=\"fr\"|value=\"fr\" selected=\"selected\")>", refusedHtml);

        var withoutOriginal = await client.PostFormAsync(newItem, new Dictionary<string, string> { ["Number"] = "7", ["Title.OriginalLanguage"] = "es", ["Title.En"] = "Only English typed" });
        Assert.Equal(HttpStatusCode.OK, withoutOriginal.StatusCode);
        Assert.Contains("Only English typed", await withoutOriginal.Content.ReadAsStringAsync());

        typed["Number"] = "7";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(newItem, typed)).StatusCode);
        var title = await factory.WithDbAsync(db => db.AgendaItems.AsNoTracking().Where(a => a.SessionId == id && a.Number == "7").Select(a => a.Title).SingleAsync());
        Assert.Equal(("Un logement convenable pour tous.", "fr"), (title.Original, title.OriginalLanguage));
        Assert.Equal(("Adequate housing for all.", "السكن اللائق للجميع.", null), (title.En, title.Ar, title.Zh));

        var itemId = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.SessionId == id && a.Number == "7").Select(a => a.Id).SingleAsync());
        var edit = WebUtility.HtmlDecode(await client.GetStringAsync($"/sessions/manage/{id}/agenda/{itemId}/edit"));
        Assert.Contains("السكن اللائق للجميع.", edit);

        var arabicPage = await factory.CreateBrowser("ar").GetStringAsync($"/sessions/{id}");
        Assert.Contains("السكن اللائق للجميع.", WebUtility.HtmlDecode(arabicPage));
        var chinesePage = WebUtility.HtmlDecode(await factory.CreateBrowser("zh").GetStringAsync($"/sessions/{id}"));
        Assert.Contains("<span lang=\"fr\" dir=\"ltr\">Un logement convenable pour tous.</span>", chinesePage);
    }

    [Fact]
    public async Task A_meeting_may_be_named_in_six_languages_and_is_listed_with_its_name_beside_its_number()
    {
        var client = await SecretariatAsync("fr");
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2));
        var newMeeting = $"/sessions/manage/{id}/meetings/new";

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(newMeeting, new Dictionary<string, string>
        {
            ["Number"] = "1",
            ["StartsAt"] = "2031-06-02T10:00",
            ["EndsAt"] = "2031-06-02T13:00",
            ["Name.OriginalLanguage"] = "en",
            ["Name.En"] = "Opening plenary meeting",
            ["Name.Fr"] = "Séance plénière d’ouverture",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(newMeeting, new Dictionary<string, string>
        {
            ["Number"] = "2",
            ["StartsAt"] = "2031-06-02T15:00",
            ["EndsAt"] = "2031-06-02T18:00",
            ["Name.OriginalLanguage"] = "en",
        })).StatusCode);

        var meetings = await factory.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.SessionId == id).OrderBy(m => m.Number).ToListAsync());
        Assert.Equal("Séance plénière d’ouverture", meetings[0].Name?.Fr);
        Assert.Null(meetings[1].Name);

        var page = WebUtility.HtmlDecode(await factory.CreateBrowser("fr").GetStringAsync($"/sessions/{id}"));
        Assert.Contains("Séance 1 — <span>Séance plénière d’ouverture</span>", page);
        var english = WebUtility.HtmlDecode(await factory.CreateBrowser("ru").GetStringAsync($"/sessions/{id}"));
        Assert.Contains(" — <span lang=\"en\" dir=\"ltr\">Opening plenary meeting</span>", english);

        var renamed = await client.PostFormAsync($"/sessions/manage/{id}/meetings/{meetings[0].Id}/edit", new Dictionary<string, string>
        {
            ["StartsAt"] = "2031-06-02T10:00",
            ["EndsAt"] = "2031-06-02T13:00",
            ["Name.OriginalLanguage"] = "en",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == meetings[0].Id).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_speakers_lists_page_and_the_live_display_state_in_arabic_show_the_arabic_title_and_an_english_only_title_marked_as_english()
    {
        var seeded = await factory.AddListAsync(members: 1);
        var itemId = await factory.WithDbAsync(db => db.SpeakersLists.Where(l => l.Id == seeded.ListId).Select(l => l.AgendaItemId).SingleAsync());
        await TranslateItemAsync(itemId, Languages.Arabic, ArabicDebate);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var session = await db.Sessions.Include(s => s.AgendaItems).SingleAsync(s => s.Id == seeded.SessionId);
            var other = session.AddAgendaItem("5", TranslatedText.English("Programme of work"));
            await db.SaveChangesAsync();
            db.SpeakersLists.Add(new Core.Speakers.SpeakersList(seeded.SessionId, other.Id, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        var arabic = await SecretariatAsync("ar");
        var lists = WebUtility.HtmlDecode(await arabic.GetStringAsync($"/sessions/manage/{seeded.SessionId}/speakers"));
        Assert.Contains($"<span>{ArabicDebate}</span>", lists);
        Assert.Contains("<span lang=\"en\" dir=\"ltr\">Programme of work</span>", lists);

        var state = await factory.CreateBrowser("ar").GetFromJsonAsync<JsonElement>($"/speakers/{seeded.ListId}/live/state");
        var title = state.GetProperty("agendaItemTitle");
        Assert.Equal((ArabicDebate, "ar"), (title.GetProperty("text").GetString(), title.GetProperty("language").GetString()));
        var english = await factory.CreateBrowser("en").GetFromJsonAsync<JsonElement>($"/speakers/{seeded.ListId}/live/state");
        Assert.Equal("General debate", english.GetProperty("agendaItemTitle").GetProperty("text").GetString());

        var display = WebUtility.HtmlDecode(await factory.CreateBrowser("ar").GetStringAsync($"/speakers/{seeded.ListId}/live"));
        Assert.Contains($"<span class=\"live-item-title\">{ArabicDebate}</span>", display);
        var projector = WebUtility.HtmlDecode(await factory.CreateBrowser("ar").GetStringAsync($"/speakers/{seeded.ListId}/projector"));
        Assert.Contains(ArabicDebate, projector);
    }

    [Fact]
    public async Task The_door_and_the_roster_show_a_meeting_s_name_beside_its_number_in_the_reader_s_language()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2), configure: s =>
            s.AddMeeting(1, new DateTime(2031, 6, 2, 7, 0, 0, DateTimeKind.Utc), new DateTime(2031, 6, 2, 10, 0, 0, DateTimeKind.Utc), "Plenary Hall",
                Translated("High-level segment", (Languages.Spanish, "Serie de sesiones de alto nivel"))));
        var meetingId = await factory.WithDbAsync(db => db.Meetings.Where(m => m.SessionId == sessionId).Select(m => m.Id).SingleAsync());
        var spanish = await SecretariatAsync("es");

        var door = WebUtility.HtmlDecode(await spanish.GetStringAsync($"/sessions/manage/{sessionId}/check-in"));
        var roster = WebUtility.HtmlDecode(await spanish.GetStringAsync($"/sessions/manage/{sessionId}/meetings/{meetingId}/roster"));
        var english = WebUtility.HtmlDecode(await (await SecretariatAsync("ar")).GetStringAsync($"/sessions/manage/{sessionId}/meetings/{meetingId}/roster"));

        Assert.Contains(" — <span>Serie de sesiones de alto nivel</span> <small>", door);
        Assert.Contains(" — <span>Serie de sesiones de alto nivel</span></h1>", roster);
        Assert.Contains(" — <span lang=\"en\" dir=\"ltr\">High-level segment</span></h1>", english);
    }

    [Fact]
    public async Task The_calendar_in_russian_names_each_meeting_in_russian()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2027, 5, 10), configure: s =>
        {
            s.AddMeeting(1, new DateTime(2027, 5, 10, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 10, 10, 0, 0, DateTimeKind.Utc), "Room 1",
                Translated("Opening plenary meeting", (Languages.Russian, "Пленарное заседание, посвященное открытию сессии")));
            s.AddMeeting(2, new DateTime(2027, 5, 11, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 11, 10, 0, 0, DateTimeKind.Utc), null);
        });

        var russian = (await factory.CreateBrowser("ru").GetStringAsync($"/sessions/{sessionId}/calendar.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        var english = (await factory.CreateBrowser("en").GetStringAsync($"/sessions/{sessionId}/calendar.ics")).Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains("Пленарное заседание\\, посвященное открытию сессии", russian);
        Assert.DoesNotContain("Opening plenary meeting", russian);
        Assert.Contains("Meeting 1 — Opening plenary meeting", english);
        Assert.Contains("Meeting 2\r\n", english);
    }

    [Fact]
    public async Task The_confirmation_of_an_inscription_in_spanish_names_the_item_in_spanish()
    {
        var session = await factory.AddSpeakersSessionAsync();
        await TranslateItemAsync(session.AgendaItemId, Languages.Spanish, "Debate general");
        var listId = await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var client = factory.CreateBrowser("es");
        var focalPoint = await client.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId, language: Languages.Spanish);

        var response = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = Assert.Single(await factory.NoticesToAsync(focalPoint.Email!), n => n.Kind == NoticeKinds.SpeakerInscriptionConfirmed.Key);
        Assert.Equal("es", notice.Language);
        Assert.Contains("tema 3 (Debate general)", notice.TextBody);
        Assert.DoesNotContain("General debate", notice.TextBody);
    }
}
