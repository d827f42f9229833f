using System.Net;
using ClosedXML.Excel;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Attendance.Statistics;

/// <summary>The statistics page, its refusals and its workbook answer in each of the six languages, with no text left in English.</summary>
public sealed class StatisticsInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    private static readonly string[] _english =
    [
        "Participation statistics", "Organisations attending", "Organisations that made statements", "Participation per session",
        "Sessions opening from", "Observers only", "organisations attended the sessions of the", "oral and written statements", "They comprise",
    ];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_page_the_refusal_and_the_workbook_are_translated(string language)
    {
        var bodyId = await factory.AddBodyAsync(BodyKind.ExecutiveBoard, name: $"Board {OrganisationSeeding.UniqueToken()}");
        var session = await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2024, 2, 12));
        await factory.AddTakingPartAsync(session, $"Speaking Network {language}", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, oral: 2, written: 1);
        await factory.AddTakingPartAsync(session, $"Listening Agency {language}", OrganisationCategory.UnSystemEntity, Capacity.UnSystem);
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var url = $"/statistics/participation?bodyId={bodyId}&from=2024-01-01&to=2024-12-31";

        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var refused = await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&from=2024-12-31&to=2024-01-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-role=\"statistics-sentences\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"bar-chart\"", html, StringComparison.Ordinal);
        foreach (var text in _english)
        {
            Assert.True((language == Languages.English) == html.Contains(text, StringComparison.Ordinal), $"{language}: \"{text}\"");
        }

        Assert.Equal(language == Languages.English, refused.Contains("The end of the period must not be before its start.", StringComparison.Ordinal));
        Assert.Contains("text-danger", refused, StringComparison.Ordinal);

        var workbook = await client.GetAsync(url.Replace("participation?", "participation.xlsx?", StringComparison.Ordinal));
        using var book = new XLWorkbook(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()));
        Assert.Equal(4, book.Worksheets.Count);
        Assert.Equal(language == Languages.English, book.Worksheets.First().Name == "Summary");
        Assert.Equal(language == Languages.English, book.Worksheet(2).Cell(1, 2).GetString() == "Organisations attending");
        Assert.Equal(language == Languages.Arabic, book.Worksheets.First().RightToLeft);
    }

    [Theory]
    [InlineData("ru", "2 организации участвовали", "1 из них сделала 3 устных и письменных заявления.")]
    [InlineData("ar", "حضرت منظمتان", "قدّمت واحدة منها 3 بيانات شفوية وكتابية.")]
    [InlineData("fr", "2 organisations ont assisté", "1 d'entre elles a présenté 3 déclarations orales et écrites.")]
    [InlineData("es", "2 organizaciones asistieron", "1 de ellas presentó 3 declaraciones orales y escritas.")]
    [InlineData("zh", "2个组织以观察员身份出席了", "其中1个组织作了3次口头和书面发言")]
    [InlineData("en", "2 organisations attended", "1 of them made 3 oral and written statements.")]
    public async Task The_sentences_take_the_plural_the_counts_call_for(string language, string attended, string spoke)
    {
        var bodyId = await factory.AddBodyAsync(BodyKind.ExecutiveBoard, name: $"Board {OrganisationSeeding.UniqueToken()}");
        var session = await factory.AddStatisticsSessionAsync(bodyId, new DateOnly(2024, 2, 12));
        await factory.AddTakingPartAsync(session, "Plural Network", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, oral: 2, written: 1);
        await factory.AddTakingPartAsync(session, "Plural Agency", OrganisationCategory.UnSystemEntity, Capacity.UnSystem);
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&from=2024-01-01&to=2024-12-31"));

        Assert.Contains(attended, html, StringComparison.Ordinal);
        Assert.Contains(spoke, html, StringComparison.Ordinal);
    }
}
