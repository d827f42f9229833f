using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Tests.Notices.Campaigns;

namespace Sessions.Tests.SessionsFeature;

/// <summary>
/// Bodies' names and sessions' titles and venues in the six UN languages: entered through the secretariat's forms, and
/// read in the reader's language on the public pages, in the calendar file, in notices and in the workbooks.
/// </summary>
public sealed class TitlesInSixLanguagesTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string ArabicTitle = "الدورة الثانية لجمعية الأمم المتحدة للموئل";
    private const string ChineseTitle = "联合国人居大会第二届会议";
    private const string FrenchTitle = "Deuxième session de l'Assemblée des Nations Unies pour les établissements humains";
    private const string SpanishTitle = "Segundo período de sesiones de la Asamblea de las Naciones Unidas sobre los Asentamientos Humanos";

    private async Task<HttpClient> SecretariatAsync(string language = "en")
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private Task<T> InDbAsync<T>(Func<SessionsDbContext, Task<T>> query) =>
        factory.InScopeAsync(sp => query(sp.GetRequiredService<SessionsDbContext>()));

    private static void Translate(TranslatedText text, string? ar = null, string? zh = null, string? fr = null, string? es = null)
    {
        text.Translate(Languages.Arabic, ar);
        text.Translate(Languages.Chinese, zh);
        text.Translate(Languages.French, fr);
        text.Translate(Languages.Spanish, es);
    }

    [Fact]
    public async Task A_body_is_entered_in_several_languages_and_a_refused_form_keeps_the_translations_typed()
    {
        var client = await SecretariatAsync();
        var taken = BodyAndSessionBuilders.UniquePrefix();
        await factory.AddBodyAsync(prefix: taken);
        Dictionary<string, string> Form(string prefix) => new()
        {
            ["Name.OriginalLanguage"] = Languages.English,
            ["Name.En"] = "United Nations Habitat Assembly",
            ["Name.Fr"] = "Assemblée des Nations Unies pour les établissements humains",
            ["Name.Ar"] = "جمعية الأمم المتحدة للموئل",
            ["Kind"] = "Assembly",
            ["SymbolPrefix"] = prefix,
            ["ObserverQuota"] = "",
        };

        var refused = await client.PostFormAsync("/bodies/new", Form(taken));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("value=\"Assemblée des Nations Unies pour les établissements humains\"", html);
        Assert.Contains("value=\"جمعية الأمم المتحدة للموئل\"", html);

        var prefix = BodyAndSessionBuilders.UniquePrefix();
        var saved = await client.PostFormAsync("/bodies/new", Form(prefix));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var body = await InDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.SymbolPrefix == prefix));
        Assert.Equal("United Nations Habitat Assembly", body.Name.Original);
        Assert.Equal("Assemblée des Nations Unies pour les établissements humains", body.Name.Fr);
        Assert.Equal("جمعية الأمم المتحدة للموئل", body.Name.Ar);
        Assert.Null(body.Name.Zh);

        var list = WebUtility.HtmlDecode(await (await SecretariatAsync("fr")).GetStringAsync("/bodies"));
        Assert.Contains("Assemblée des Nations Unies pour les établissements humains", list);

        var audited = await InDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Body" && e.EntityId == body.Id.ToString()).Select(e => e.Changes).SingleAsync());
        Assert.Contains("\"Name.Fr\"", audited);
        var log = WebUtility.HtmlDecode(await client.GetStringAsync($"/audit?entityType=Body&entityId={body.Id}"));
        Assert.Contains("Name of the body: In French", log);
        Assert.Contains("Name of the body: Original language", log);
    }

    [Fact]
    public async Task A_session_is_entered_in_several_languages_and_a_refused_form_keeps_the_translations_typed()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var symbol = BodyAndSessionBuilders.UniquePrefix() + ".2";
        Dictionary<string, string> Form(string closesOn) => new()
        {
            ["BodyId"] = bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Number"] = "2",
            ["Symbol"] = symbol,
            ["Title.OriginalLanguage"] = Languages.English,
            ["Title.En"] = "Second session of the United Nations Habitat Assembly",
            ["Title.Zh"] = ChineseTitle,
            ["Title.Fr"] = FrenchTitle,
            ["Venue.OriginalLanguage"] = Languages.English,
            ["Venue.En"] = "Nairobi",
            ["Venue.Ru"] = "Найроби",
            ["TimeZoneId"] = "Africa/Nairobi",
            ["OpensOn"] = "2031-06-02",
            ["ClosesOn"] = closesOn,
            ["IsPublished"] = "true",
        };

        var refused = await client.PostFormAsync("/sessions/manage/new", Form("2031-06-01"), "/sessions/manage/new");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("The session cannot close before it opens.", html);
        Assert.Contains($"value=\"{ChineseTitle}\"", html);
        Assert.Contains($"value=\"{FrenchTitle}\"", html);
        Assert.Contains("value=\"Найроби\"", html);

        var saved = await client.PostFormAsync("/sessions/manage/new", Form("2031-06-06"), "/sessions/manage/new");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var session = await InDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Symbol == symbol));
        Assert.Equal("Second session of the United Nations Habitat Assembly", session.Title.Original);
        Assert.Equal(ChineseTitle, session.Title.Zh);
        Assert.Equal(FrenchTitle, session.Title.Fr);
        Assert.Equal("Найроби", session.Venue.Ru);

        // Editing adds a translation; the edit form shows what is stored.
        var edit = await client.GetStringAsync($"/sessions/manage/{session.Id}/edit");
        var form = Form("2031-06-06");
        form["Version"] = session.Version.ToString();
        form["Title.Ar"] = ArabicTitle;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/sessions/manage/{session.Id}/edit", form, $"/sessions/manage/{session.Id}/edit")).StatusCode);
        Assert.Contains($"value=\"{ChineseTitle}\"", WebUtility.HtmlDecode(edit));
        Assert.Equal(ArabicTitle, await InDbAsync(db => db.Sessions.Where(s => s.Id == session.Id).Select(s => s.Title.Ar).SingleAsync()));
    }

    [Fact]
    public async Task A_title_without_its_original_language_is_refused_on_that_language_s_field()
    {
        var client = await SecretariatAsync();
        var bodyId = await factory.AddBodyAsync();
        var form = new Dictionary<string, string>
        {
            ["BodyId"] = bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Number"] = "3",
            ["Symbol"] = BodyAndSessionBuilders.UniquePrefix() + ".3",
            ["Title.OriginalLanguage"] = Languages.French,
            ["Title.En"] = "Typed in English only",
            ["Venue.En"] = "Nairobi",
            ["TimeZoneId"] = "Africa/Nairobi",
            ["OpensOn"] = "2031-06-02",
            ["ClosesOn"] = "2031-06-06",
        };

        var refused = await client.PostFormAsync("/sessions/manage/new", form, "/sessions/manage/new");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"Title.Fr\"", html);
        Assert.Contains("value=\"Typed in English only\"", html);
    }

    [Fact]
    public async Task The_public_session_page_in_arabic_shows_the_arabic_title_and_body_name()
    {
        var bodyId = await factory.AddBodyAsync(name: "United Nations Habitat Assembly");
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var body = await db.Bodies.SingleAsync(b => b.Id == bodyId);
            body.Name.Translate(Languages.Arabic, "جمعية الأمم المتحدة للموئل");
            await db.SaveChangesAsync();
        });
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2), "Second session", configure: s =>
        {
            Translate(s.Title, ar: ArabicTitle);
            s.Venue.Translate(Languages.Arabic, "نيروبي");
        });

        var page = WebUtility.HtmlDecode(await factory.CreateBrowser("ar").GetStringAsync($"/sessions/{sessionId}"));

        Assert.Contains($"<h1 class=\"h3\">{ArabicTitle}</h1>", page);
        Assert.Contains("جمعية الأمم المتحدة للموئل", page);
        Assert.Contains("نيروبي", page);
        Assert.DoesNotContain("Second session", page);
    }

    [Fact]
    public async Task A_title_only_in_english_is_marked_as_english_left_to_right_on_the_arabic_page()
    {
        var title = $"Only in English {OrganisationSeeding.UniqueToken()}";
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), new DateOnly(2031, 6, 2), title);

        var page = WebUtility.HtmlDecode(await factory.CreateBrowser("ar").GetStringAsync($"/sessions/{sessionId}"));

        Assert.Contains($"<h1 class=\"h3\" lang=\"en\" dir=\"ltr\">{title}</h1>", page);
        var english = WebUtility.HtmlDecode(await factory.CreateBrowser("en").GetStringAsync($"/sessions/{sessionId}"));
        Assert.Contains($"<h1 class=\"h3\">{title}</h1>", english);
    }

    [Fact]
    public async Task The_calendar_file_in_chinese_carries_the_chinese_title_and_venue()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), new DateOnly(2031, 6, 2), "Second session", configure: s =>
        {
            Translate(s.Title, zh: ChineseTitle);
            s.Venue.Translate(Languages.Chinese, "内罗毕");
        });

        var ics = (await factory.CreateBrowser("zh").GetStringAsync($"/sessions/{sessionId}/calendar.ics")).Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains($"SUMMARY:{ChineseTitle} (", ics);
        Assert.Contains("LOCATION:内罗毕", ics);
        Assert.DoesNotContain("Second session", ics);
    }

    [Fact]
    public async Task A_notice_rendered_in_french_carries_the_french_session_title_and_in_english_the_original()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory, session => Translate(session.Title, fr: FrenchTitle));
        var original = await InDbAsync(db => db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.Title.Original).SingleAsync());
        var client = await SecretariatAsync();
        var texts = new Dictionary<string, (string, string)>
        {
            [Languages.English] = ("{SessionTitle}", "Dear {RecipientName},\n\nAbout {SessionTitle}."),
            [Languages.French] = ("{SessionTitle}", "Madame, Monsieur {RecipientName},\n\nAu sujet de la {SessionTitle}."),
        };
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "Participants", capacities: ["Member"], texts: texts));

        await client.SendCampaignNowAsync(id);
        await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);
        var rows = await factory.CampaignRowsAsync(id);

        var french = rows.Single(r => r.ToAddress == s.MemberParticipants[0]);
        Assert.Equal("fr", french.Language);
        Assert.Equal(FrenchTitle, french.Subject);
        Assert.Contains($"Au sujet de la {FrenchTitle}.", french.TextBody);
        var english = rows.Single(r => r.ToAddress == s.MemberParticipants[1]);
        Assert.Equal(original, english.Subject);
    }

    [Fact]
    public async Task The_participation_workbook_in_spanish_carries_the_spanish_body_name_and_session_title()
    {
        var bodyId = await factory.AddBodyAsync(BodyKind.ExecutiveBoard, name: $"Executive Board {OrganisationSeeding.UniqueToken()}");
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var body = await db.Bodies.SingleAsync(b => b.Id == bodyId);
            body.Name.Translate(Languages.Spanish, "Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos");
            await db.SaveChangesAsync();
        });
        await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2023, 3, 10));
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var session = await db.Sessions.SingleAsync(x => x.BodyId == bodyId);
            Translate(session.Title, es: SpanishTitle);
            await db.SaveChangesAsync();
        });
        var client = await SecretariatAsync("es");

        var response = await client.GetAsync($"/statistics/participation.xlsx?bodyId={bodyId}&from=2023-01-01&to=2024-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var cells = workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.Contains("Junta Ejecutiva del Programa de las Naciones Unidas para los Asentamientos Humanos", cells);
        Assert.Contains(SpanishTitle, cells);
    }
}
