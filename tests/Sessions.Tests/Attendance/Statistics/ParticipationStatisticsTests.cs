using System.Net;
using ClosedXML.Excel;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Attendance.Statistics;

/// <summary>
/// Participation across the sessions of a body: observers that took part (each organisation once), those that made
/// statements and their statements, in sentences, by category and per session, on the page and in the workbook.
/// </summary>
public sealed class ParticipationStatisticsTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string Range = "from=2023-01-01&to=2024-12-31";

    [Fact]
    public async Task Observers_are_counted_once_across_sessions_and_members_rejected_and_absent_delegations_are_left_out()
    {
        var (bodyId, bodyName, _) = await AddBoardAsync();
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&{Range}");

        Assert.Contains($"2 sessions of the {bodyName} opened between", html);
        Assert.Contains($"3 organisations attended the sessions of the {bodyName} as observers; 2 of them made 5 oral and written statements.", html);
        Assert.Contains("They comprise 4 oral statements and 1 written statement.", html);
        Assert.Contains("Board Observers Network", html);
        Assert.DoesNotContain("Board Member State", html);
        Assert.DoesNotContain("Outside The Range", html);
        Assert.Contains("class=\"bar-chart\"", html);
        Assert.Contains($"href=\"/statistics/participation.xlsx?bodyId={bodyId}&amp;from=2023-01-01&amp;to=2024-12-31\"", html);
    }

    [Fact]
    public async Task The_workbook_holds_the_sentences_the_categories_the_sessions_and_the_organisations_that_spoke()
    {
        var (bodyId, bodyName, sessions) = await AddBoardAsync();
        var client = await SecretariatAsync();

        var response = await client.GetAsync($"/statistics/participation.xlsx?bodyId={bodyId}&{Range}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal(["Summary", "By category", "By session", "Organisations"], workbook.Worksheets.Select(s => s.Name));
        var summary = workbook.Worksheet("Summary");
        Assert.Contains(summary.CellsUsed(), c => c.GetString() == $"3 organisations attended the sessions of the {bodyName} as observers; 2 of them made 5 oral and written statements.");

        var categories = Rows(workbook.Worksheet("By category"));
        Assert.Equal(["1", "1", "3", "1"], categories["Non-governmental / civil society organisation"]);
        Assert.Equal(["1", "0", "0", "0"], categories["Intergovernmental organisation"]);
        Assert.Equal(["1", "1", "1", "0"], categories["Member State"]);
        Assert.Equal(["3", "2", "4", "1"], categories["All categories"]);
        Assert.False(categories.ContainsKey("Academic and research institution"));

        var perSession = Rows(workbook.Worksheet("By session"));
        Assert.Equal(["2", "1", "2", "2", "1", "2", "0"], perSession[sessions[0]].Skip(3));
        Assert.Equal(["2", "2", "1", "2", "0", "1", "0"], perSession[sessions[1]].Skip(3));
        Assert.Equal(2, perSession.Count);

        var organisations = Rows(workbook.Worksheet("Organisations"));
        Assert.Equal(["Non-governmental / civil society organisation", "", "2", "3", "1", "0"], organisations["Board Observers Network"]);
        Assert.Equal(2, organisations.Count);

        foreach (var sheet in workbook.Worksheets.Skip(1))
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled, sheet.Name);
            Assert.True(sheet.Column(1).Width > 10, sheet.Name);
        }
    }

    [Fact]
    public async Task Names_in_any_script_stay_intact_and_a_name_like_a_formula_lands_as_text()
    {
        var bodyId = await factory.AddBodyAsync(BodyKind.ExecutiveBoard, name: "Board of Scripts");
        var session = await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2024, 3, 4));
        string[] names = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1,2)", "-2+3", "@cmd", "منظمة المدن العربية", "城市联合会"];
        foreach (var name in names)
        {
            await factory.AddTakingPartAsync(session, name, OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, oral: 1);
        }

        var client = await SecretariatAsync();
        var response = await client.GetAsync($"/statistics/participation.xlsx?bodyId={bodyId}&{Range}");
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var cells = workbook.Worksheet("Organisations").Column(1).CellsUsed().Skip(1).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), cells.Select(c => c.GetString()).Order(StringComparer.Ordinal));
        Assert.All(cells, c => Assert.False(c.HasFormula, c.GetString()));
        Assert.All(cells, c => Assert.Equal(XLDataType.Text, c.DataType));
    }

    [Fact]
    public async Task A_co_sponsor_made_a_statement_but_a_joint_statement_is_counted_once()
    {
        var bodyName = $"Joint Board {OrganisationSeeding.UniqueToken()}";
        var bodyId = await factory.AddBodyAsync(BodyKind.ExecutiveBoard, name: bodyName);
        var session = await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2024, 9, 2));
        var submitter = await factory.AddTakingPartAsync(session, "Joint Submitter Alliance", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, attends: false);
        var coSponsor = await factory.AddTakingPartAsync(session, "Joint Co-sponsor Union", OrganisationCategory.LocalOrRegionalGovernment, Capacity.Stakeholder, attends: false);
        await factory.AddIssuedJointStatementAsync(session, submitter, coSponsor);
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&{Range}");
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/statistics/participation.xlsx?bodyId={bodyId}&{Range}")));

        Assert.Contains($"2 organisations attended the sessions of the {bodyName} as observers; 2 of them made 1 oral or written statement.", html);
        var organisations = Rows(workbook.Worksheet("Organisations"));
        Assert.Equal(["1", "0", "1", "0"], organisations["Joint Submitter Alliance"].Skip(2));
        Assert.Equal(["1", "0", "0", "1"], organisations["Joint Co-sponsor Union"].Skip(2));
        Assert.Equal(["2", "2", "0", "1"], Rows(workbook.Worksheet("By category"))["All categories"]);
    }

    [Fact]
    public async Task A_period_without_sessions_says_so_in_a_sentence()
    {
        var (bodyId, bodyName, _) = await AddBoardAsync();
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&from=2010-01-01&to=2011-12-31");

        Assert.Contains($"0 sessions of the {bodyName} opened between", html);
        Assert.DoesNotContain("data-role=\"by-session\"", html);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_and_the_form_keeps_what_was_typed()
    {
        var (bodyId, _, _) = await AddBoardAsync();
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&from=2024-05-01&to=2023-02-01");
        var workbook = await client.GetAsync($"/statistics/participation.xlsx?bodyId={bodyId}&from=2024-05-01&to=2023-02-01");

        Assert.Contains("The end of the period must not be before its start.", html);
        Assert.Contains("value=\"2024-05-01\"", html);
        Assert.Contains("value=\"2023-02-01\"", html);
        Assert.Contains($"<option value=\"{bodyId}\" selected=\"selected\">", html);
        Assert.DoesNotContain("data-role=\"statistics-sentences\"", html);
        Assert.Equal("text/html", workbook.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The end of the period must not be before its start.", await workbook.Content.ReadAsStringAsync());

        var futureStart = await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&from=2099-01-01");
        Assert.Contains("The end of the period must not be before its start.", futureStart);
        Assert.Contains("value=\"2099-01-01\"", futureStart);
        Assert.Matches("id=\"to\" name=\"to\" type=\"date\" class=\"form-control\" value=\"\\d{4}-\\d{2}-\\d{2}\"", futureStart);
    }

    [Fact]
    public async Task An_unknown_body_or_a_date_that_is_no_date_is_refused_with_a_clear_message_and_kept()
    {
        await factory.AddBodyAsync(BodyKind.Assembly, name: "Known Assembly");
        var client = await SecretariatAsync();

        var unknown = await client.GetStringAsync($"/statistics/participation?bodyId=987654&{Range}");
        var notADate = await client.GetStringAsync($"/statistics/participation?from=2024-13-45&to=2024-12-31");

        Assert.Contains("There is no such body. Choose one from the list.", unknown);
        Assert.Contains("<option value=\"987654\" selected=\"selected\">", unknown);
        Assert.Contains("value=\"2023-01-01\"", unknown);
        Assert.Contains("The value &#x27;2024-13-45&#x27; is not valid for Sessions opening from.", notADate);
        Assert.Contains("value=\"2024-13-45\"", notADate);
        Assert.DoesNotContain("data-role=\"statistics-sentences\"", notADate);
    }

    [Fact]
    public async Task Without_a_choice_the_page_shows_the_first_body_over_the_last_three_years()
    {
        await factory.AddBodyAsync(BodyKind.Assembly, name: "Any Assembly");
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync("/statistics/participation");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.Contains("data-role=\"statistics-sentences\"", html);
        Assert.True(html.Contains($"value=\"{today:yyyy-MM-dd}\"") || html.Contains($"value=\"{today.AddDays(-1):yyyy-MM-dd}\""));
        Assert.Contains("selected=\"selected\"", html);
    }

    [Fact]
    public async Task Only_the_secretariat_reaches_the_statistics_and_finds_them_in_the_menu()
    {
        var (bodyId, _, _) = await AddBoardAsync();
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, await factory.AddOrganisationAsync("Curious Observers", OrganisationCategory.NonGovernmentalOrganisation));
        var anonymous = factory.CreateBrowser();
        var secretariat = await SecretariatAsync();

        await focalPoint.AssertForbiddenAsync($"/statistics/participation?bodyId={bodyId}&{Range}");
        await focalPoint.AssertForbiddenAsync($"/statistics/participation.xlsx?bodyId={bodyId}&{Range}");
        var signIn = await anonymous.GetAsync($"/statistics/participation.xlsx?bodyId={bodyId}&{Range}");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/account/sign-in", signIn.Headers.Location!.OriginalString);
        Assert.Contains("href=\"/statistics/participation\"", await secretariat.GetStringAsync("/"));
        Assert.DoesNotContain("href=\"/statistics/participation\"", await focalPoint.GetStringAsync("/"));
    }

    /// <summary>
    /// A board with two sessions in 2023–2024 and one in 2021. Observers: A (NGO) attends both, speaks twice then
    /// once, one written statement; B (IGO) attends the first; C (a State not member) only speaks at the second.
    /// Left out: a member State that attends and speaks, a rejected delegation, an approved one that never came, and
    /// an observer of the 2021 session.
    /// </summary>
    private async Task<(int BodyId, string BodyName, IReadOnlyList<string> SessionSymbols)> AddBoardAsync()
    {
        var bodyName = $"Executive Board {OrganisationSeeding.UniqueToken()}";
        var bodyId = await factory.AddBodyAsync(BodyKind.ExecutiveBoard, name: bodyName);
        var first = await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2023, 3, 10));
        var second = await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2024, 6, 5));
        var outside = await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2021, 1, 10));

        var a = await factory.AddTakingPartAsync(first, "Board Observers Network", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, oral: 2, written: 1);
        await factory.AddTakingPartAsync(second, "Board Observers Network", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, oral: 1, organisationId: a.OrganisationId);
        await factory.AddTakingPartAsync(first, "Board Regional Organisation", OrganisationCategory.IntergovernmentalOrganisation, Capacity.IntergovernmentalOrganisation);
        await factory.AddTakingPartAsync(second, "Board Observer State", OrganisationCategory.MemberState, Capacity.ObserverState, attends: false, oral: 1);
        await factory.AddTakingPartAsync(first, "Board Member State", OrganisationCategory.MemberState, Capacity.Member, oral: 3);
        await factory.AddTakingPartAsync(first, "Board Rejected Network", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, status: RegistrationStatus.Rejected);
        await factory.AddTakingPartAsync(second, "Board Absent Network", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, attends: false);
        await factory.AddTakingPartAsync(outside, "Outside The Range", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, oral: 1);
        return (bodyId, bodyName, [first.Symbol, second.Symbol]);
    }

    private async Task<HttpClient> SecretariatAsync(string language = "en")
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    /// <summary>Each data row by its first cell, the other cells as shown.</summary>
    private static Dictionary<string, List<string>> Rows(IXLWorksheet sheet) =>
        sheet.RowsUsed().Skip(1).ToDictionary(
            r => r.Cell(1).GetString(),
            r => Enumerable.Range(2, sheet.LastColumnUsed()!.ColumnNumber() - 1).Select(c => r.Cell(c).GetString()).ToList());
}
