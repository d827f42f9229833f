using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Speakers.SpeakingTime;

namespace Sessions.Tests.Speakers.SpeakingTime;

/// <summary>
/// The speaking-time statistics read what the console recorded: lists are seeded through the list's own methods
/// (inscribe, give the floor, start, pause, finish at given times) and the page and the workbook are read back.
/// </summary>
public sealed partial class SpeakingTimeTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    // 10:00 in Nairobi (UTC+3), where the test sessions sit.
    private static readonly DateTime _opening = new(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_page_shows_count_total_and_average_by_delegation_by_capacity_and_for_the_session()
    {
        var seeded = await SeedSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/sessions/manage/{seeded.SessionId}/speaking-time");

        // Morocco: 300 s (a pause of 60 s excluded) + 40 s reply on item 3, 200 s on item 4; the skipped and the waiting do not count.
        Assert.Equal(["Kingdom of Morocco", "Member of the body", "3", "9 min 00 s", "3 min 00 s"], RowOf(html, "data-delegation", seeded.Morocco));
        Assert.Equal(["State of Palestine", "Observer State", "1", "2 min 30 s", "2 min 30 s"], RowOf(html, "data-delegation", seeded.Palestine));
        Assert.Equal(["=1+1 Coalition", "Stakeholder", "2", "2 min 30 s", "1 min 15 s"], RowOf(html, "data-delegation", seeded.Coalition));
        Assert.Empty(RowOf(html, "data-delegation", seeded.Absent));
        Assert.Equal(["Member of the body", "3", "9 min 00 s", "3 min 00 s"], RowOf(html, "data-capacity", nameof(Capacity.Member)));
        Assert.Equal(["Stakeholder", "2", "2 min 30 s", "1 min 15 s"], RowOf(html, "data-capacity", nameof(Capacity.Stakeholder)));
        Assert.Equal(("6", "14 min 00 s", "2 min 20 s"), (Figure(html, "count"), Figure(html, "total"), Figure(html, "average")));
        Assert.Equal(3, Regex.Matches(html, "<tr data-delegation=").Count);
    }

    [Fact]
    public async Task The_agenda_item_filter_counts_only_that_items_lists()
    {
        var seeded = await SeedSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/sessions/manage/{seeded.SessionId}/speaking-time?agendaItemId={seeded.GeneralDebate}");

        Assert.Equal(["Kingdom of Morocco", "Member of the body", "2", "5 min 40 s", "2 min 50 s"], RowOf(html, "data-delegation", seeded.Morocco));
        Assert.Equal(["=1+1 Coalition", "Stakeholder", "1", "1 min 30 s", "1 min 30 s"], RowOf(html, "data-delegation", seeded.Coalition));
        Assert.Equal(("4", "9 min 40 s", "2 min 25 s"), (Figure(html, "count"), Figure(html, "total"), Figure(html, "average")));
        Assert.Contains($"speaking-time.xlsx?agendaItemId={seeded.GeneralDebate}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_holds_the_summaries_and_every_intervention_at_the_venues_clock()
    {
        var seeded = await SeedSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync($"/sessions/manage/{seeded.SessionId}/speaking-time.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["By delegation", "By capacity", "Interventions"], workbook.Worksheets.Select(s => s.Name));

        var byDelegation = workbook.Worksheet("By delegation");
        Assert.Equal(["Delegation", "Capacity", "Interventions", "Total time", "Average time"], Texts(byDelegation.Row(1), 5));
        var morocco = FindRow(byDelegation, "Kingdom of Morocco");
        Assert.Equal(("Member of the body", 3, 540, 180), (morocco.Cell(2).GetString(), morocco.Cell(3).GetValue<int>(), Seconds(morocco.Cell(4)), Seconds(morocco.Cell(5))));
        Assert.Equal("[h]:mm:ss", morocco.Cell(4).Style.NumberFormat.Format);
        var coalition = FindRow(byDelegation, "=1+1 Coalition");
        Assert.False(coalition.Cell(1).HasFormula);
        Assert.Equal(XLDataType.Text, coalition.Cell(1).DataType);
        AssertSheetShape(byDelegation, 5);

        var byCapacity = workbook.Worksheet("By capacity");
        var observers = FindRow(byCapacity, "Observer State");
        Assert.Equal((1, 150, 150), (observers.Cell(2).GetValue<int>(), Seconds(observers.Cell(3)), Seconds(observers.Cell(4))));
        var total = FindRow(byCapacity, "Session total");
        Assert.Equal((6, 840, 140), (total.Cell(2).GetValue<int>(), Seconds(total.Cell(3)), Seconds(total.Cell(4))));
        AssertSheetShape(byCapacity, 4);

        var interventions = workbook.Worksheet("Interventions");
        Assert.Equal(
            ["Agenda item", "Delegation", "Capacity", "Kind", "Speaker", "Called at (Africa/Nairobi)", "Time used", "Time allowed"],
            Texts(interventions.Row(1), 8));
        Assert.Equal(7, interventions.LastRowUsed().RowNumber());
        var first = interventions.Row(2);
        Assert.Equal(["3 General debate", "Kingdom of Morocco", "Member of the body", "Statement", "Nasser Bourita"], Texts(first, 5));
        Assert.Equal(new DateTime(2026, 6, 1, 10, 0, 0), first.Cell(6).GetDateTime());
        Assert.Equal((300, 300), (Seconds(first.Cell(7)), Seconds(first.Cell(8))));
        var reply = FindRow(interventions, "Right of reply (First reply)", column: 4);
        Assert.Equal((40, 600), (Seconds(reply.Cell(7)), Seconds(reply.Cell(8))));
        var group = FindRow(interventions, "Statement on behalf of a group: -Group of 77 and China", column: 4);
        Assert.Equal(XLDataType.Text, group.Cell(4).DataType);
        Assert.Equal(("=1+1 Coalition", "@Coalition speaker"), (group.Cell(2).GetString(), group.Cell(5).GetString()));
        Assert.False(group.Cell(2).HasFormula);
        Assert.Equal("4 Programme of work", interventions.Row(7).Cell(1).GetString());
        AssertSheetShape(interventions, 8);
    }

    [Fact]
    public async Task Names_in_arabic_and_chinese_come_through_the_page_and_the_workbook_intact()
    {
        var seeded = await SeedSessionAsync();
        var arabic = factory.CreateBrowser("ar");
        await arabic.SignInAsAsync(factory, Roles.Secretariat);
        var chinese = factory.CreateBrowser("zh");
        await chinese.SignInAsAsync(factory, Roles.Secretariat);

        var arabicPage = await arabic.GetStringAsync($"/sessions/manage/{seeded.SessionId}/speaking-time");
        var chinesePage = await chinese.GetStringAsync($"/sessions/manage/{seeded.SessionId}/speaking-time");

        Assert.Equal(["المملكة المغربية", "عضو في الهيئة", "3", "9 د 00 ث", "3 د 00 ث"], RowOf(arabicPage, "data-delegation", seeded.Morocco));
        Assert.Equal("摩洛哥王国", RowOf(chinesePage, "data-delegation", seeded.Morocco)[0]);
        Assert.Equal("9分00秒", RowOf(chinesePage, "data-delegation", seeded.Morocco)[3]);

        using var workbook = new XLWorkbook(new MemoryStream(await arabic.GetByteArrayAsync($"/sessions/manage/{seeded.SessionId}/speaking-time.xlsx")));
        Assert.True(workbook.Worksheet(1).RightToLeft);
        Assert.Equal("المملكة المغربية", workbook.Worksheet(1).Row(2).Cell(1).GetString());
        var interventions = workbook.Worksheet(3);
        Assert.Equal("王 芳", FindRow(interventions, "دولة فلسطين", column: 2).Cell(5).GetString());
        Assert.Equal(["المملكة المغربية", "محمد بن عبد الله"], [interventions.Row(6).Cell(2).GetString(), interventions.Row(6).Cell(5).GetString()]);
    }

    [Fact]
    public async Task The_workbook_in_chinese_names_the_agenda_items_in_chinese_and_an_untranslated_one_as_written()
    {
        var seeded = await SeedSessionAsync();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var debate = await db.AgendaItems.SingleAsync(a => a.Id == seeded.GeneralDebate);
            debate.Title.Translate(Languages.Chinese, "一般性辩论");
            await db.SaveChangesAsync();
        });
        var chinese = factory.CreateBrowser("zh");
        await chinese.SignInAsAsync(factory, Roles.Secretariat);

        using var workbook = new XLWorkbook(new MemoryStream(await chinese.GetByteArrayAsync($"/sessions/manage/{seeded.SessionId}/speaking-time.xlsx")));
        var interventions = workbook.Worksheet(3);

        Assert.Equal("3 一般性辩论", interventions.Row(2).Cell(1).GetString());
        Assert.Equal("4 Programme of work", interventions.Row(7).Cell(1).GetString());
        Assert.Contains("一般性辩论", await chinese.GetStringAsync($"/sessions/manage/{seeded.SessionId}/speaking-time"));
    }

    [Fact]
    public async Task A_focal_point_cannot_see_or_export_the_statistics()
    {
        var seeded = await SeedSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        await client.AssertForbiddenAsync($"/sessions/manage/{seeded.SessionId}/speaking-time");
        await client.AssertForbiddenAsync($"/sessions/manage/{seeded.SessionId}/speaking-time.xlsx");
        var anonymous = await factory.CreateBrowser().GetAsync($"/sessions/manage/{seeded.SessionId}/speaking-time.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_session_or_an_agenda_item_of_another_session_is_not_found()
    {
        var seeded = await SeedSessionAsync();
        var other = await SeedSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/manage/987654/speaking-time")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/manage/987654/speaking-time.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sessions/manage/{seeded.SessionId}/speaking-time?agendaItemId={other.GeneralDebate}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sessions/manage/{seeded.SessionId}/speaking-time.xlsx?agendaItemId={other.GeneralDebate}")).StatusCode);
    }

    [Fact]
    public async Task A_session_where_no_one_spoke_shows_zeros_and_exports_empty_sheets()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(_opening), configure: s => s.AddAgendaItem("1", "Opening of the session"));
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/sessions/manage/{sessionId}/speaking-time");
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/sessions/manage/{sessionId}/speaking-time.xlsx")));

        Assert.Contains("No one has spoken yet.", html, StringComparison.Ordinal);
        Assert.Equal(("0", "0 min 00 s"), (Figure(html, "count"), Figure(html, "total")));
        Assert.Equal(1, workbook.Worksheet("Interventions").LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task The_figures_take_the_same_few_grouped_queries_however_many_delegations_spoke()
    {
        var seeded = await SeedSessionAsync();
        var commands = new CommandLog();

        var model = await factory.InScopeAsync(async sp =>
        {
            var options = new DbContextOptionsBuilder<SessionsDbContext>(sp.GetRequiredService<DbContextOptions<SessionsDbContext>>())
                .AddInterceptors(commands).Options;
            await using var db = new SessionsDbContext(options);
            return await new SpeakingTimeReport.Handler(db).HandleAsync(seeded.SessionId, null, CancellationToken.None);
        });

        Assert.Equal(3, model!.ByDelegation.Count);
        // The session, its agenda items, then one grouped query each for delegations, capacities and the total.
        Assert.Equal(5, commands.Texts.Count);
        Assert.Equal(3, commands.Texts.Count(c => c.Contains("GROUP BY", StringComparison.Ordinal)));
    }

    private sealed class CommandLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task The_session_page_links_to_its_speaking_time()
    {
        var seeded = await SeedSessionAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/sessions/manage/{seeded.SessionId}");

        Assert.Contains($"href=\"/sessions/manage/{seeded.SessionId}/speaking-time\"", html, StringComparison.Ordinal);
    }

    private sealed record SeededSession(int SessionId, int GeneralDebate, int Morocco, int Palestine, int Coalition, int Absent);

    /// <summary>
    /// Item 3 (general debate): Morocco 300 s with a pause, then a 40 s first reply; Palestine 150 s; the coalition 90 s
    /// on behalf of a group; a fourth member called and absent; one still waiting. Item 4: Morocco 200 s, the coalition 60 s.
    /// </summary>
    private async Task<SeededSession> SeedSessionAsync()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(_opening), configure: s =>
        {
            s.AddAgendaItem("3", "General debate");
            s.AddAgendaItem("4", "Programme of work");
        });
        var morocco = await AddDelegationAsync(sessionId, "Kingdom of Morocco", "المملكة المغربية", "摩洛哥王国", Capacity.Member, OrganisationCategory.MemberState, ("Nasser", "Bourita"), ("محمد", "بن عبد الله"));
        var palestine = await AddDelegationAsync(sessionId, "State of Palestine", "دولة فلسطين", "巴勒斯坦国", Capacity.ObserverState, OrganisationCategory.ObserverState, ("王", "芳"));
        var coalition = await AddDelegationAsync(sessionId, "=1+1 Coalition", "تحالف العالم", "世界联盟", Capacity.Stakeholder, OrganisationCategory.NonGovernmentalOrganisation, ("@Coalition", "speaker"));
        var absent = await AddDelegationAsync(sessionId, "Republic of Absentia", "جمهورية الغياب", "缺席共和国", Capacity.Member, OrganisationCategory.MemberState, ("Ana", "Lopez"));
        var waiting = await AddDelegationAsync(sessionId, "Waiting Republic", "جمهورية الانتظار", "等待共和国", Capacity.Member, OrganisationCategory.MemberState, ("Li", "Wei"));

        var items = await factory.WithDbAsync(db => db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync());
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var debate = new SpeakersList(sessionId, items[0], null, _opening.AddDays(-1));
            var programme = new SpeakersList(sessionId, items[1], null, _opening.AddDays(-1));
            var at = _opening.AddHours(-2);
            var m1 = debate.Inscribe(Statement(morocco, Capacity.Member), at);
            var p1 = debate.Inscribe(Statement(palestine, Capacity.ObserverState), at.AddMinutes(1));
            var c1 = debate.Inscribe(new InscriptionRequest(coalition.Id, Capacity.Stakeholder, InscriptionKind.GroupStatement, LevelOfRepresentation.Other, coalition.ParticipantId, "-Group of 77 and China"), at.AddMinutes(2));
            var a1 = debate.Inscribe(Statement(absent, Capacity.Member), at.AddMinutes(3));
            debate.Inscribe(Statement(waiting, Capacity.Member), at.AddMinutes(4));
            var m2 = debate.Inscribe(new InscriptionRequest(morocco.Id, Capacity.Member, InscriptionKind.RightOfReply, LevelOfRepresentation.Minister, morocco.ParticipantId, ReplyRound: ReplyRound.First), at.AddMinutes(5));
            var m3 = programme.Inscribe(Statement(morocco with { ParticipantId = morocco.SecondParticipantId }, Capacity.Member), at);
            var c2 = programme.Inscribe(Statement(coalition, Capacity.Stakeholder), at.AddMinutes(1));
            db.SpeakersLists.AddRange(debate, programme);
            await db.SaveChangesAsync();

            var t = _opening;
            debate.GiveTheFloor(m1.Id, t);
            debate.StartTimer(m1.Id, t);
            debate.PauseTimer(m1.Id, t.AddSeconds(100));
            debate.StartTimer(m1.Id, t.AddSeconds(160));
            debate.FinishSpeaking(m1.Id, t.AddSeconds(360));
            t = t.AddMinutes(10);
            Speak(debate, p1.Id, t, 150);
            t = t.AddMinutes(10);
            Speak(debate, c1.Id, t, 90);
            t = t.AddMinutes(10);
            debate.GiveTheFloor(a1.Id, t);
            debate.Skip(a1.Id, t.AddSeconds(30));
            t = t.AddMinutes(10);
            Speak(debate, m2.Id, t, 40);
            t = _opening.AddDays(1);
            Speak(programme, m3.Id, t, 200);
            Speak(programme, c2.Id, t.AddMinutes(10), 60);
            await db.SaveChangesAsync();
        });

        return new SeededSession(sessionId, items[0], morocco.Id, palestine.Id, coalition.Id, absent.Id);
    }

    private static void Speak(SpeakersList list, int inscriptionId, DateTime at, int seconds)
    {
        list.GiveTheFloor(inscriptionId, at);
        list.StartTimer(inscriptionId, at.AddSeconds(5));
        list.FinishSpeaking(inscriptionId, at.AddSeconds(5 + seconds));
    }

    private static InscriptionRequest Statement((int Id, int ParticipantId, int SecondParticipantId) delegation, Capacity capacity) =>
        new(delegation.Id, capacity, InscriptionKind.Statement, capacity == Capacity.Member ? LevelOfRepresentation.Minister : LevelOfRepresentation.Other, delegation.ParticipantId);

    private async Task<(int Id, int ParticipantId, int SecondParticipantId)> AddDelegationAsync(
        int sessionId, string name, string arabic, string chinese, Capacity capacity, OrganisationCategory category, params (string Given, string Family)[] speakers)
    {
        var organisationId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var organisation = new Organisation(name, Languages.English, category) { CreatedAt = DateTime.UtcNow };
            organisation.SetTranslatedName(Languages.Arabic, arabic);
            organisation.SetTranslatedName(Languages.Chinese, chinese);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var nominees = speakers.Select(s => DelegationBuilders.Nominee(s.Given, s.Family, email: DelegationBuilders.NewEmail("speaker")));
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, capacity, RegistrationStatus.Approved, nominees);
        return (delegation.Id, delegation.ParticipantIds[0], delegation.ParticipantIds[^1]);
    }

    private static void AssertSheetShape(IXLWorksheet sheet, int columns)
    {
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal(columns, sheet.AutoFilter.Range.ColumnCount());
        Assert.All(Enumerable.Range(1, columns), c => Assert.True(sheet.Column(c).Width >= 10, $"column {c} is {sheet.Column(c).Width} wide"));
    }

    private static IXLRow FindRow(IXLWorksheet sheet, string text, int column = 1) =>
        sheet.RowsUsed().Single(r => r.Cell(column).GetString() == text);

    private static string[] Texts(IXLRow row, int columns) =>
        Enumerable.Range(1, columns).Select(c => row.Cell(c).GetString()).ToArray();

    /// <summary>A duration cell holds a number of days; ClosedXML reads it back as a date through its [h]:mm:ss format.</summary>
    private static int Seconds(IXLCell cell) =>
        (int)Math.Round((cell.DataType == XLDataType.DateTime ? cell.GetDateTime().ToOADate() : cell.GetDouble()) * 86400);

    private static string[] RowOf(string html, string attribute, object key)
    {
        var row = Regex.Match(html, $"<tr {attribute}=\"{key}\">(.*?)</tr>", RegexOptions.Singleline);
        return row.Success
            ? Cell().Matches(row.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToArray()
            : [];
    }

    private static string Figure(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"data-figure=\"{name}\">([^<]*)<").Groups[1].Value.Trim());

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
