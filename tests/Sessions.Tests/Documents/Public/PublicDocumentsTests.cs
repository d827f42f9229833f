using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.PublicDocumentBuilders;
using static Sessions.Tests.Infrastructure.PublishedStatementBuilders;

namespace Sessions.Tests.Documents.Public;

/// <summary>The public documents portal of a session: the list, a document's page and the downloads, without signing in.</summary>
public sealed partial class PublicDocumentsTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_list_groups_documents_by_agenda_item_in_agenda_order_a_document_under_each_of_its_items_and_the_others_last()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("6", Title("Housing report")) { AgendaItemIds = [scenario.SecondItemId], Files = [Pdf("en")] });
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("1", Title("Provisional agenda")) { AgendaItemIds = [scenario.FirstItemId, scenario.SecondItemId], Files = [Pdf("en")] });
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("INF/1", Title("List of participants")) { Kind = DocumentKind.Information, Files = [Pdf("en")] });
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("10", Title("Tenth document")) { AgendaItemIds = [scenario.SecondItemId], Files = [Pdf("en")] });

        var response = await factory.CreateBrowser("en").GetAsync($"/sessions/{scenario.SessionId}/documents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var first = html.IndexOf($"id=\"item-{scenario.FirstItemId}\"", StringComparison.Ordinal);
        var second = html.IndexOf($"id=\"item-{scenario.SecondItemId}\"", StringComparison.Ordinal);
        var others = html.IndexOf("id=\"other-documents\"", StringComparison.Ordinal);
        Assert.True(first > 0 && first < second && second < others, "item 4, then item 6, then the other documents");
        var underFirst = html[first..second];
        var underSecond = html[second..others];
        var underNone = html[others..];
        Assert.Contains("Provisional agenda", underFirst);
        Assert.DoesNotContain("Housing report", underFirst);
        Assert.Contains("Provisional agenda", underSecond);
        Assert.Contains("Housing report", underSecond);
        Assert.True(underSecond.IndexOf("/6<", StringComparison.Ordinal) < underSecond.IndexOf("/10<", StringComparison.Ordinal), "symbols in number order");
        Assert.Contains("Other documents", underNone);
        Assert.Contains("List of participants", underNone);
        Assert.Contains("Information document", underNone);
        Assert.Contains("datetime=\"2023-04-12\"", underNone);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents/zip?language=en\"", html);
    }

    [Fact]
    public async Task The_arabic_page_shows_arabic_titles_and_the_original_marked_english_left_to_right_where_there_is_no_translation()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("4/Add.2", Title("Cooperation with partners", ("ar", "التعاون مع الشركاء"))) { Files = [Pdf("en"), Pdf("ar")] });
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("5", Title("Untranslated report")) { Files = [Pdf("en")] });

        var html = await factory.CreateBrowser("ar").GetStringAsync($"/sessions/{scenario.SessionId}/documents");

        Assert.Contains("<span class=\"document-title\">التعاون مع الشركاء</span>", html);
        Assert.DoesNotContain("Cooperation with partners", html);
        Assert.Contains("<span class=\"document-title\" lang=\"en\" dir=\"ltr\">Untranslated report</span>", html);
        Assert.Contains("وثائق الدورة", html);
        // The reader's language first and highlighted, the original marked, each link with its language.
        var row = Regex.Match(html, @"<ul class=""list-inline mb-0 document-languages"">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.True(row.IndexOf("hreflang=\"ar\"", StringComparison.Ordinal) < row.IndexOf("hreflang=\"en\"", StringComparison.Ordinal));
        Assert.Matches(@"hreflang=""ar"" lang=""ar"" class=""btn btn-primary btn-sm reader-language"">العربية</a>", row);
        Assert.Matches(@"hreflang=""en"" lang=""en"">English</a>\s*<span class=""small text-muted original-language"">\(الأصل\)</span>", row);
    }

    [Fact]
    public async Task Filters_by_kind_and_language_and_search_by_symbol_or_title_in_any_language_ignoring_case()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var symbol = await factory.SessionSymbolAsync(scenario.SessionId);
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("4/Add.2", Title("Cooperation with partners", ("zh", "与伙伴的合作"), ("ru", "Сотрудничество с партнерами"))) { Files = [Pdf("en"), Pdf("zh")] });
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("INF/1", Title("Information for participants")) { Kind = DocumentKind.Information, Files = [Pdf("en")] });
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("L.3", Title("Draft resolution on housing")) { Kind = DocumentKind.InSession, Files = [Pdf("fr")] });
        var reader = factory.CreateBrowser("en");
        async Task<string> ListAsync(string query) => WebUtility.HtmlDecode(await reader.GetStringAsync($"/sessions/{scenario.SessionId}/documents?{query}"));
        string[] all = ["Cooperation with partners", "Information for participants", "Draft resolution on housing"];
        void Shows(string html, params string[] shown)
        {
            foreach (var title in all)
            {
                if (shown.Contains(title))
                {
                    Assert.Contains(title, html);
                }
                else
                {
                    Assert.DoesNotContain(title, html);
                }
            }
        }

        Shows(await ListAsync("kind=Information"), "Information for participants");
        Shows(await ListAsync("kind=InSession"), "Draft resolution on housing");
        Shows(await ListAsync("language=zh"), "Cooperation with partners");
        Shows(await ListAsync("language=en"), "Cooperation with partners", "Information for participants");
        Shows(await ListAsync($"q={Uri.EscapeDataString(symbol.ToLowerInvariant() + "/inf/1")}"), "Information for participants");
        Shows(await ListAsync("q=add.2"), "Cooperation with partners");
        Shows(await ListAsync($"q={Uri.EscapeDataString("伙伴")}"), "Cooperation with partners");
        Shows(await ListAsync($"q={Uri.EscapeDataString("СОТРУДНИЧЕСТВО")}"), "Cooperation with partners");
        Shows(await ListAsync("q=HOUSING"), "Draft resolution on housing");
        Shows(await ListAsync("q=HOUSING&kind=Information"));
        Assert.Contains("No document matches these filters.", await ListAsync("q=nothing-like-this"));
        Assert.Contains("Documents shown: 1 of 3", await ListAsync("q=housing"));
    }

    [Fact]
    public async Task The_agenda_item_filter_shows_that_item_s_documents_and_an_item_of_another_session_is_not_found()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var other = await factory.AddPublishedSessionAsync();
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("1", Title("On the first item")) { AgendaItemIds = [scenario.FirstItemId], Files = [Pdf("en")] });
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("2", Title("On the second item")) { AgendaItemIds = [scenario.SecondItemId], Files = [Pdf("en")] });
        var reader = factory.CreateBrowser("en");

        var html = await reader.GetStringAsync($"/sessions/{scenario.SessionId}/documents?item={scenario.FirstItemId}");

        Assert.Contains("On the first item", html);
        Assert.DoesNotContain("On the second item", html);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents?item={other.FirstItemId}")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_absent_from_the_list_and_not_found_by_its_id()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("1", Title("Distributed document")) { Files = [Pdf("en")] });
        var draft = await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("2", Title("Draft not yet distributed")) { DistributedOn = null, Files = [Pdf("en")] });
        var reader = factory.CreateBrowser();

        var html = await reader.GetStringAsync($"/sessions/{scenario.SessionId}/documents");

        Assert.Contains("Distributed document", html);
        Assert.DoesNotContain("Draft not yet distributed", html);
        Assert.DoesNotContain($"/documents/{draft}", html);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{draft}/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{draft}/en/1")).StatusCode);
    }

    [Fact]
    public async Task A_document_of_another_session_is_not_found_under_this_one()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var other = await factory.AddPublishedSessionAsync();
        var theirs = await factory.AddSessionDocumentAsync(other.SessionId, new DocumentSpec("1", Title("Of the other session")) { Files = [Pdf("en")] });
        var reader = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/sessions/{other.SessionId}/documents/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{theirs}/en")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{theirs}/en/1")).StatusCode);
        Assert.DoesNotContain("Of the other session", await reader.GetStringAsync($"/sessions/{scenario.SessionId}/documents"));
    }

    [Fact]
    public async Task Nothing_of_an_unpublished_session_is_public()
    {
        var scenario = await factory.AddPublishedSessionAsync(published: false);
        var document = await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("1", Title("Hidden session's document")) { Files = [Pdf("en")] });
        var reader = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}/en")).StatusCode);
    }

    [Fact]
    public async Task A_download_is_an_attachment_named_by_symbol_and_language_with_its_content_type()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var symbol = await factory.SessionSymbolAsync(scenario.SessionId);
        var chinese = TestPdf.Bytes("zh version");
        var word = TestPdf.WordDocument();
        var document = await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("4/Add.2", Title("Cooperation with partners"))
        {
            Files = [Pdf("en"), new FileSpec("zh", chinese, "whatever_C.pdf"), new FileSpec("fr", word, "rapport_F.docx")],
        });
        var reader = factory.CreateBrowser();
        var expectedName = symbol.Replace('/', '-') + "-4-Add.2-ZH.pdf";

        var response = await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}/zh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(expectedName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(DocumentFileNames.Of($"{symbol}/4/Add.2", "zh", "application/pdf"), expectedName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(chinese, await response.Content.ReadAsByteArrayAsync());

        var docx = await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}/fr");
        Assert.Equal(StatementDocuments.DocxContentType, docx.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("-FR.docx", docx.Content.Headers.ContentDisposition?.FileNameStar ?? docx.Content.Headers.ContentDisposition?.FileName);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}/ru")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}/xx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}/zh/9")).StatusCode);
    }

    [Fact]
    public async Task The_document_page_lists_titles_versions_and_earlier_files_each_downloadable()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var first = TestPdf.Bytes("first English file");
        var second = TestPdf.Bytes("second English file");
        var document = await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("4/Add.2", Title("Cooperation with partners", ("zh", "与伙伴的合作"), ("ar", "التعاون مع الشركاء")))
        {
            AgendaItemIds = [scenario.SecondItemId],
            AdvanceUnedited = true,
            Reissued = true,
            Files = [new FileSpec("en", first), Pdf("zh"), new FileSpec("en", second)],
        });
        var reader = factory.CreateBrowser("en");

        var response = await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<dd class=\"col-sm-9\" lang=\"zh\" dir=\"ltr\" data-language=\"zh\">与伙伴的合作</dd>", html);
        Assert.Contains("<dd class=\"col-sm-9\" lang=\"ar\" dir=\"rtl\" data-language=\"ar\">التعاون مع الشركاء</dd>", html);
        Assert.Contains("<dd class=\"col-sm-9\" lang=\"en\" dir=\"ltr\" data-language=\"en\">Cooperation with partners</dd>", html);
        Assert.DoesNotContain("data-language=\"fr\"", html);
        Assert.Contains("Advance unedited version", html);
        Assert.Contains("Reissued for technical reasons", html);
        Assert.Contains("Pre-session document", html);
        Assert.Contains("Adequate housing for all.", html);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents?item={scenario.SecondItemId}\"", html);
        Assert.Matches(@"data-language=""en"">\s*<td>\s*<span lang=""en"">English</span>\s*<span class=""small text-muted original-language"">", html);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents/{document}/en\"", html);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents/{document}/zh\"", html);
        Assert.Contains("data-language=\"en\" data-revision=\"1\"", html);
        Assert.DoesNotContain("data-language=\"zh\" data-revision", html);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents/{document}/en/1\"", html);

        Assert.Equal(second, await reader.GetByteArrayAsync($"/sessions/{scenario.SessionId}/documents/{document}/en"));
        var earlier = await reader.GetAsync($"/sessions/{scenario.SessionId}/documents/{document}/en/1");
        Assert.Equal("attachment", earlier.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(first, await earlier.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Issued_written_statements_are_listed_under_their_agenda_item_with_their_download()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var issued = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Housing as a human right") { AgendaItemId = scenario.FirstItemId, Language = Languages.French });
        await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Still in review") { Status = StatementStatus.Submitted });
        var symbol = await factory.PublishedSymbolAsync(issued);

        var html = WebUtility.HtmlDecode(await factory.CreateBrowser("en").GetStringAsync($"/sessions/{scenario.SessionId}/documents"));

        var section = html[html.IndexOf($"id=\"item-{scenario.FirstItemId}\"", StringComparison.Ordinal)..];
        Assert.Contains(symbol!, section);
        Assert.Contains("<span class=\"document-title\" lang=\"fr\" dir=\"ltr\">Housing as a human right</span>", section);
        Assert.Contains($"href=\"/statements/issued/{issued}\"", section);
        Assert.Contains($"href=\"/statements/issued/{issued}/download\" hreflang=\"fr\"", section);
        Assert.Contains("Written statement", section);
        Assert.DoesNotContain("Still in review", html);
        Assert.Contains("Housing as a human right", WebUtility.HtmlDecode(await factory.CreateBrowser("en").GetStringAsync($"/sessions/{scenario.SessionId}/documents?kind=Statement")));
        Assert.DoesNotContain("Housing as a human right", WebUtility.HtmlDecode(await factory.CreateBrowser("en").GetStringAsync($"/sessions/{scenario.SessionId}/documents?kind=Report")));
    }

    [Fact]
    public async Task A_document_distributed_or_a_version_added_after_the_list_was_read_shows_at_once()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var first = await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("1", Title("The first one")) { Files = [Pdf("en")] });
        var reader = factory.CreateBrowser("en");
        Assert.DoesNotContain("The second one", await reader.GetStringAsync($"/sessions/{scenario.SessionId}/documents"));

        await factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("2", Title("The second one")) { Files = [Pdf("en")] });
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var store = sp.GetRequiredService<IFileStore>();
            var document = await db.Documents.Include(d => d.Files).SingleAsync(d => d.Id == first);
            var file = await store.SaveAsync(new MemoryStream(TestPdf.Bytes("Russian")), "doc_R.pdf", UploadRule.StatementDocument, null);
            db.StoredFiles.Add(file);
            document.AddFile("ru", file.Id, null, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        var html = await reader.GetStringAsync($"/sessions/{scenario.SessionId}/documents");
        Assert.Contains("The second one", html);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents/{first}/ru\"", html);
    }

    [Fact]
    public async Task The_list_issues_as_many_queries_for_twenty_documents_as_for_two()
    {
        var few = await factory.AddPublishedSessionAsync();
        var many = await factory.AddPublishedSessionAsync();
        for (var i = 1; i <= 20; i++)
        {
            var spec = new DocumentSpec(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Title($"Document {i}")) { AgendaItemIds = [many.FirstItemId, many.SecondItemId], Files = [Pdf("en"), Pdf("fr")] };
            await factory.AddSessionDocumentAsync(many.SessionId, spec);
            if (i <= 2)
            {
                await factory.AddSessionDocumentAsync(few.SessionId, spec with { AgendaItemIds = [few.FirstItemId] });
            }
        }

        var reader = factory.CreateBrowser();
        await reader.GetStringAsync($"/sessions/{few.SessionId}/documents");
        int forFew, forMany;
        using (var counter = SqlCommandCounter.Start())
        {
            await reader.GetStringAsync($"/sessions/{few.SessionId}/documents");
            forFew = counter.Count;
        }

        using (var counter = SqlCommandCounter.Start())
        {
            await reader.GetStringAsync($"/sessions/{many.SessionId}/documents");
            forMany = counter.Count;
        }

        Assert.Equal(forFew, forMany);
        Assert.True(forMany <= 4, $"{forMany} queries");
    }
}
