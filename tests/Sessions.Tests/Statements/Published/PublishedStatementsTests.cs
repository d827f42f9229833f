using System.Net;
using System.Text;
using Sessions.Core.Common;
using Sessions.Core.Organisations;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.PublishedStatementBuilders;

namespace Sessions.Tests.Statements.Published;

/// <summary>The public statements of a session: the list per agenda item, the issued document and its download.</summary>
public sealed class PublishedStatementsTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_public_page_lists_only_issued_statements_per_agenda_item_with_symbol_submitter_and_language()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var onItem4 = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Financing of slum upgrading") { AgendaItemId = scenario.FirstItemId, Language = Languages.French });
        var onItem6 = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Housing as a human right"));
        await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Still in review") { Status = StatementStatus.Submitted });
        await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Was rejected") { Status = StatementStatus.Rejected });
        await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Was withdrawn") { Status = StatementStatus.Withdrawn });

        var response = await factory.CreateBrowser().GetAsync($"/sessions/{scenario.SessionId}/statements");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var symbol4 = await factory.PublishedSymbolAsync(onItem4);
        var symbol6 = await factory.PublishedSymbolAsync(onItem6);
        Assert.EndsWith("/NGO/1", symbol4);
        Assert.EndsWith("/NGO/2", symbol6);
        Assert.Contains(symbol4!, html);
        Assert.Contains(symbol6!, html);
        Assert.Contains("Financing of slum upgrading", html);
        Assert.Contains("Housing as a human right", html);
        Assert.Contains("Français", html);
        Assert.Contains("Habitat International Coalition", html);
        Assert.Contains($"href=\"/statements/issued/{onItem4}/download\"", html);
        Assert.True(html.IndexOf("Report of the Executive Director.", StringComparison.Ordinal) < html.IndexOf("Financing of slum upgrading", StringComparison.Ordinal));
        Assert.True(html.IndexOf("Financing of slum upgrading", StringComparison.Ordinal) < html.IndexOf("Housing as a human right", StringComparison.Ordinal));
        Assert.DoesNotContain("Still in review", html);
        Assert.DoesNotContain("Was rejected", html);
        Assert.DoesNotContain("Was withdrawn", html);

        var oneItem = WebUtility.HtmlDecode(await factory.CreateBrowser().GetStringAsync($"/sessions/{scenario.SessionId}/statements?agendaItemId={scenario.SecondItemId}"));
        Assert.Contains("Housing as a human right", oneItem);
        Assert.DoesNotContain("Financing of slum upgrading", oneItem);
    }

    [Fact]
    public async Task A_statement_issued_after_the_list_was_read_shows_at_once()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        await factory.AddPublishedStatementAsync(scenario, new StatementSpec("The first one"));
        var reader = factory.CreateBrowser();
        Assert.DoesNotContain("The second one", await reader.GetStringAsync($"/sessions/{scenario.SessionId}/statements"));

        await factory.AddPublishedStatementAsync(scenario, new StatementSpec("The second one"));

        var html = await reader.GetStringAsync($"/sessions/{scenario.SessionId}/statements");
        Assert.Contains("The first one", html);
        Assert.Contains("The second one", html);
    }

    [Fact]
    public async Task The_public_session_page_links_to_its_statements()
    {
        var scenario = await factory.AddPublishedSessionAsync();

        var html = await factory.CreateBrowser().GetStringAsync($"/sessions/{scenario.SessionId}");

        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/statements\"", html);
    }

    [Fact]
    public async Task Nothing_of_an_unpublished_session_is_public()
    {
        var scenario = await factory.AddPublishedSessionAsync(published: false);
        var issued = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Issued but the session is hidden"));
        var reader = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/statements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/statements/issued/{issued}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/statements/issued/{issued}/download")).StatusCode);
    }

    [Theory]
    [InlineData(StatementStatus.Submitted)]
    [InlineData(StatementStatus.AwaitingCoSponsors)]
    [InlineData(StatementStatus.Rejected)]
    [InlineData(StatementStatus.Withdrawn)]
    public async Task A_statement_not_issued_has_no_public_document_nor_download(StatementStatus status)
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var coSponsor = await factory.AddOrganisationAsync($"Co-sponsor {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var id = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Not public yet")
        {
            Status = status,
            CoSponsors = [(coSponsor, StatementTier.IntergovernmentalOrganisation, CoSponsorAnswer.Pending)],
            Format = StatementFormat.Docx,
            File = [.. DocxSignature, .. "a document"u8.ToArray()],
        });
        var reader = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/statements/issued/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/statements/issued/{id}/download")).StatusCode);
        Assert.DoesNotContain("Not public yet", await reader.GetStringAsync($"/sessions/{scenario.SessionId}/statements"));
    }

    [Fact]
    public async Task The_issued_document_has_the_un_header_the_co_sponsors_by_tier_then_name_and_the_supporters_footnote()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var token = OrganisationSeeding.UniqueToken();
        var zetaState = await factory.AddOrganisationAsync($"Zeta Republic {token}", OrganisationCategory.MemberState);
        var alphaSpecial = await factory.AddOrganisationAsync($"Alpha Alliance {token}", OrganisationCategory.NonGovernmentalOrganisation);
        var betaGeneral = await factory.AddOrganisationAsync($"Beta Federation {token}", OrganisationCategory.NonGovernmentalOrganisation);
        var aardvarkGeneral = await factory.AddOrganisationAsync($"Aardvark Network {token}", OrganisationCategory.NonGovernmentalOrganisation);
        var declined = await factory.AddOrganisationAsync($"Declining Union {token}", OrganisationCategory.NonGovernmentalOrganisation);
        var id = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Land tenure security")
        {
            Language = Languages.Spanish,
            Text = "Primer párrafo.\n\nSegundo párrafo.",
            IssuedOn = new DateOnly(2027, 6, 2),
            CoSponsors =
            [
                (alphaSpecial, StatementTier.EcosocSpecial, CoSponsorAnswer.Confirmed),
                (betaGeneral, StatementTier.EcosocGeneral, CoSponsorAnswer.Confirmed),
                (declined, StatementTier.EcosocGeneral, CoSponsorAnswer.Declined),
                (zetaState, StatementTier.State, CoSponsorAnswer.Confirmed),
                (aardvarkGeneral, StatementTier.EcosocGeneral, CoSponsorAnswer.Confirmed),
            ],
            Supporters = ["Barrio Unido", "Comité Vecinal del Sur"],
        });
        var symbol = await factory.PublishedSymbolAsync(id);

        var response = await factory.CreateBrowser("en").GetAsync($"/statements/issued/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(symbol!, html);
        Assert.Contains("Distr.: General", html);
        Assert.Contains("2 June 2027", html);
        Assert.Contains("Original: Spanish", html);
        Assert.Contains("Item 6 of the agenda", html);
        Assert.Contains("Adequate housing for all.", html);
        Assert.Contains("Joint statement submitted by Habitat International Coalition", html);
        Assert.Contains("<p dir=\"auto\">Primer párrafo.</p>", html);
        Assert.Contains("<p dir=\"auto\">Segundo párrafo.</p>", html);
        Assert.Contains("lang=\"es\"", html);
        var order = new[] { $"Zeta Republic {token}", $"Aardvark Network {token}", $"Beta Federation {token}", $"Alpha Alliance {token}" }
            .Select(name => html.IndexOf(name, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("Declining Union", html);
        Assert.Contains("also share the views expressed in this statement: Barrio Unido; Comité Vecinal del Sur.", html);
    }

    [Fact]
    public async Task Arabic_and_chinese_names_and_text_come_through_intact_in_the_reader_s_language()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var coSponsor = await factory.AddOrganisationWithNamesAsync("Arab Urban Development Institute", Languages.English, OrganisationCategory.IntergovernmentalOrganisation,
            (Languages.Arabic, "المعهد العربي لإنماء المدن"), (Languages.Chinese, "阿拉伯城市发展研究所"));
        var id = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("المدن المستدامة للجميع")
        {
            Language = Languages.Arabic,
            Text = "نحن ندعو إلى سكن لائق للجميع.\n\n我们呼吁人人享有适足住房。",
            CoSponsors = [(coSponsor, StatementTier.IntergovernmentalOrganisation, CoSponsorAnswer.Confirmed)],
            Supporters = ["جمعية سكان الأحياء", "上海社区联合会"],
        });

        var arabic = WebUtility.HtmlDecode(await factory.CreateBrowser("ar").GetStringAsync($"/statements/issued/{id}"));
        var chinese = WebUtility.HtmlDecode(await factory.CreateBrowser("zh").GetStringAsync($"/statements/issued/{id}"));
        var list = WebUtility.HtmlDecode(await factory.CreateBrowser("zh").GetStringAsync($"/sessions/{scenario.SessionId}/statements"));

        foreach (var html in new[] { arabic, chinese })
        {
            Assert.Contains("المدن المستدامة للجميع", html);
            Assert.Contains("نحن ندعو إلى سكن لائق للجميع.", html);
            Assert.Contains("我们呼吁人人享有适足住房。", html);
            Assert.Contains("جمعية سكان الأحياء; 上海社区联合会", html);
        }

        Assert.Contains("المعهد العربي لإنماء المدن", arabic);
        Assert.Contains("الأصل: بالعربية", arabic);
        Assert.Contains("dir=\"rtl\"", arabic);
        Assert.Contains("阿拉伯城市发展研究所", chinese);
        Assert.Contains("原文：阿拉伯文", chinese);
        Assert.Contains("阿拉伯城市发展研究所", list);
        Assert.Contains("المدن المستدامة للجميع", list);
    }

    [Fact]
    public async Task Pasted_text_downloads_as_a_utf8_text_attachment_named_after_the_symbol()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        const string text = "住房是一项人权。\n\nالسكن حق من حقوق الإنسان.\n\nЖильё — это право человека.";
        var id = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Housing is a human right") { Text = text, Language = Languages.Chinese });
        var symbol = await factory.PublishedSymbolAsync(id);

        var response = await factory.CreateBrowser().GetAsync($"/statements/issued/{id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(symbol!.Replace('/', '-') + ".txt", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(text, Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData(StatementFormat.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    [InlineData(StatementFormat.Pdf, "application/pdf", ".pdf")]
    public async Task The_original_document_downloads_intact_as_an_attachment_of_its_type(StatementFormat format, string contentType, string extension)
    {
        var scenario = await factory.AddPublishedSessionAsync();
        byte[] bytes = format == StatementFormat.Pdf ? TestPdf.Bytes("Statement on housing") : [.. DocxSignature, .. Enumerable.Range(0, 5000).Select(i => (byte)(i % 251))];
        var id = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Housing finance") { Format = format, File = bytes, FileName = "../<script>alert(1)</script>.html" });
        var symbol = await factory.PublishedSymbolAsync(id);

        var response = await factory.CreateBrowser().GetAsync($"/statements/issued/{id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var fileName = response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"');
        Assert.Equal(symbol!.Replace('/', '-') + extension, fileName);
        Assert.DoesNotContain("script", response.Content.Headers.ContentDisposition.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_list_is_paged_and_a_later_page_says_the_item_continues()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        for (var i = 1; i <= ListIssuedStatementsPageSize + 2; i++)
        {
            await factory.AddPublishedStatementAsync(scenario, new StatementSpec($"Statement number {i:D3}"));
        }

        var first = WebUtility.HtmlDecode(await factory.CreateBrowser().GetStringAsync($"/sessions/{scenario.SessionId}/statements"));
        var second = WebUtility.HtmlDecode(await factory.CreateBrowser().GetStringAsync($"/sessions/{scenario.SessionId}/statements?page=2"));

        Assert.Contains("Statement number 001", first);
        Assert.DoesNotContain($"Statement number {ListIssuedStatementsPageSize + 1:D3}", first);
        Assert.Contains($"Statement number {ListIssuedStatementsPageSize + 2:D3}", second);
        Assert.DoesNotContain("Statement number 001", second);
        Assert.Contains("(continued)", second);
        Assert.Contains("Page 2 of 2", second);
    }

    private const int ListIssuedStatementsPageSize = Web.Features.Statements.Published.ListIssuedStatements.PageSize;
}
