using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Organisations;

public sealed partial class ImportOrganisationsTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex("""<tr data-row="(\d+)" data-status="(\w+)">(.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex PreviewRow();

    private async Task<HttpClient> SecretariatAsync(string? language = null)
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes, string contentType = "text/csv") =>
        client.PostFileAsync("/organisations/import", "file", fileName, bytes, contentType);

    private static async Task<string> PreviewUrlAsync(HttpClient client, string fileName, byte[] bytes, string contentType = "text/csv")
    {
        var response = await UploadAsync(client, fileName, bytes, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var url = response.Headers.Location!.OriginalString;
        Assert.Matches("^/organisations/import/[0-9a-f-]{36}$", url);
        return url;
    }

    public static async Task<Dictionary<int, (string Status, string Html)>> PreviewRowsAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return PreviewRow().Matches(html).ToDictionary(m => int.Parse(m.Groups[1].Value), m => (m.Groups[2].Value, m.Groups[3].Value));
    }

    private Task<int> CountAsync(string token) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Organisations.CountAsync(o => o.NormalisedName.Contains(token)));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    [Fact]
    public async Task The_preview_shows_new_rows_duplicates_of_the_database_and_of_the_file_and_invalid_rows_with_reasons()
    {
        var token = OrganisationSeeding.UniqueToken();
        var existing = await factory.AddOrganisationAsync($"Existing {token}", acronym: $"EX{token}");
        var csv = "name;Category;Acronym;Country;Email\n" +
                  $"New {token};Other;;France;\n" +
                  $"EXISTING {token}.;Other;;;\n" +
                  $"Other {token};Other;E.X.{token};;\n" +
                  $"new  {token};Other;;;\n" +
                  ";Other;;;\n" +
                  $"Bad {token};Other;;Atlantis;x@\n";
        var client = await SecretariatAsync();

        var rows = await PreviewRowsAsync(client, await PreviewUrlAsync(client, "list.csv", Utf8(csv)));

        Assert.Equal(["New", "DuplicateOfExisting", "DuplicateOfExisting", "DuplicateInFile", "Invalid", "Invalid"], Enumerable.Range(2, 6).Select(r => rows[r].Status));
        Assert.Contains("checked=\"checked\"", rows[2].Html);
        Assert.Contains($"href=\"/organisations/{existing}\"", rows[3].Html);
        Assert.Contains("Same name", rows[3].Html);
        Assert.DoesNotContain("name=\"keep\"", rows[3].Html);
        Assert.Contains($"href=\"/organisations/{existing}\"", rows[4].Html);
        Assert.Contains("Same acronym", rows[4].Html);
        Assert.Contains("name=\"keep\"", rows[4].Html);
        Assert.DoesNotContain("checked", rows[4].Html);
        Assert.Contains("Row 2", rows[5].Html);
        Assert.Contains("Name missing", rows[6].Html);
        Assert.Contains("Unknown country: Atlantis", rows[7].Html);
        Assert.Contains("Email address not valid: x@", rows[7].Html);
        Assert.DoesNotContain("name=\"keep\"", rows[7].Html);
        Assert.Equal(1, await CountAsync(token));
    }

    [Fact]
    public async Task The_commit_creates_only_the_ticked_rows_and_checks_the_database_again()
    {
        var token = OrganisationSeeding.UniqueToken();
        var csv = "Name,Category,Name_fr,Accreditation\n" +
                  $"Kept {token},Other,Gardée {token},EcosocRoster\n" +
                  $"Unticked {token},Other,,\n" +
                  $"Added meanwhile {token},Other,,\n" +
                  $"Also kept {token},Foundation,,\n";
        var client = await SecretariatAsync();
        var url = await PreviewUrlAsync(client, "list.csv", Encoding.UTF8.GetBytes(csv));
        await factory.AddOrganisationAsync($"added  MEANWHILE {token}");

        var response = await client.PostFormAsync(url, new[] { new KeyValuePair<string, string>("keep", "2"), new("keep", "4"), new("keep", "5") });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/organisations", response.Headers.Location!.OriginalString);
        var list = await client.GetStringAsync("/organisations");
        Assert.Contains("2 organisations imported.", list);
        Assert.Contains("(rows 4)", list);
        var imported = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Organisations.AsNoTracking().Include(o => o.Names)
            .Where(o => o.NormalisedName.Contains(token)).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal([$"added  MEANWHILE {token}", $"Kept {token}", $"Also kept {token}"], imported.Select(o => o.Name));
        Assert.Equal($"Gardée {token}", imported[1].DisplayName("fr"));
        var accreditations = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Accreditations.CountAsync(a => a.OrganisationId == imported[1].Id));
        Assert.Equal(1, accreditations);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_commit_is_one_transaction_a_failure_in_a_later_batch_saves_nothing()
    {
        var token = OrganisationSeeding.UniqueToken();
        var csv = "Name,Category\n" + string.Join("\n", Enumerable.Range(0, 600).Select(i => $"Bulk {token} {i},Other"));
        var client = await SecretariatAsync();
        var url = await PreviewUrlAsync(client, "bulk.csv", Encoding.UTF8.GetBytes(csv));

        // The stored preview is changed behind the page so that row 590, in the second batch, fails when it is created.
        var path = Path.Combine(factory.DataDirectory, "imports", url.Split('/').Last().Replace("-", "", StringComparison.Ordinal) + ".json");
        var preview = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        preview["Rows"]![588]!["Language"] = "xx";
        await File.WriteAllTextAsync(path, preview.ToJsonString());

        var response = await client.PostFormAsync(url, Enumerable.Range(2, 600).Select(r => new KeyValuePair<string, string>("keep", r.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose one of the six UN languages.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(token));
    }

    [Fact]
    public async Task Submitting_the_same_preview_twice_imports_once()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = await SecretariatAsync();
        var url = await PreviewUrlAsync(client, "list.csv", Encoding.UTF8.GetBytes($"Name,Category,Acronym\nOnce {token},Other,O{token}\n"));
        var token2 = await client.GetAntiforgeryTokenAsync(url);
        var form = new[] { new KeyValuePair<string, string>("keep", "2"), new("__RequestVerificationToken", token2) };

        var first = await client.PostAsync(url, new FormUrlEncodedContent(form));
        var second = await client.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(1, await CountAsync(token));
    }

    [Fact]
    public async Task A_commit_cut_short_by_a_stop_leaves_a_link_that_says_the_import_was_interrupted_and_asks_for_the_file_again()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = await SecretariatAsync("fr");
        var url = await PreviewUrlAsync(client, $"liste {token}.csv", Encoding.UTF8.GetBytes($"Name,Category\nCut short {token},Other\n"));
        // What a process that stopped during the commit leaves: the preview claimed, and no process holding the claim.
        var path = Path.Combine(factory.DataDirectory, "imports", url.Split('/').Last().Replace("-", "", StringComparison.Ordinal) + ".json");
        File.Move(path, path + ".committing");

        var page = await client.GetAsync(url);
        var commit = await client.PostFormAsync(url, new { keep = "2" }, "/organisations/import");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"L'importation de liste {token}.csv a été interrompue avant la fin", html);
        Assert.Contains("href=\"/organisations/import\"", html);
        Assert.False(File.Exists(path + ".committing"));
        Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        Assert.Contains($"liste {token}.csv", WebUtility.HtmlDecode(await commit.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync(token));
    }

    [Fact]
    public async Task A_stale_preview_link_answers_a_page_that_asks_for_the_file_again()
    {
        var client = await SecretariatAsync("es");

        var response = await client.GetAsync($"/organisations/import/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Esta vista previa de importación ya no está disponible", html);
        Assert.Contains("Volver a cargar el archivo", html);
    }

    [Fact]
    public async Task The_preview_belongs_to_the_person_who_uploaded_it()
    {
        var token = OrganisationSeeding.UniqueToken();
        var url = await PreviewUrlAsync(await SecretariatAsync(), "list.csv", Encoding.UTF8.GetBytes($"Name,Category\nMine {token},Other\n"));
        var colleague = await SecretariatAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(url)).StatusCode);
        var commit = await colleague.PostFormAsync(url, new { keep = "2" }, "/organisations/import");
        Assert.Equal(HttpStatusCode.NotFound, commit.StatusCode);
        Assert.Equal(0, await CountAsync(token));
    }

    [Theory]
    [InlineData("report.pdf", "%PDF-1.4 not a list", "Seuls les fichiers CSV ou texte et les classeurs Excel (.xlsx) peuvent être importés.")]
    [InlineData("list.csv", "Title,Acronym\nx,y\n", "Le fichier n'a pas de colonne Name.")]
    [InlineData("list.csv", "", "Le fichier est vide.")]
    [InlineData("list.xlsx", "Name\nnot really a workbook\n", "Le fichier n'a pas pu être lu comme un classeur Excel (.xlsx).")]
    public async Task A_wrong_file_is_refused_with_a_message_and_the_upload_form_again(string fileName, string content, string message)
    {
        var client = await SecretariatAsync("fr");

        var response = await UploadAsync(client, fileName, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("type=\"file\"", html);
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused()
    {
        var client = await SecretariatAsync();
        var big = Encoding.UTF8.GetBytes("Name\n" + new string('a', 5 * 1024 * 1024));

        var response = await UploadAsync(client, "big.csv", big);

        Assert.Contains("The file is larger than 5 MB. Split it into smaller files.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_csv_that_is_not_utf8_is_read_as_windows_1252_and_the_preview_says_so()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = await SecretariatAsync("fr");
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes($"Name;Category\nSociété “Œuvre” {token};Other\n");

        var url = await PreviewUrlAsync(client, "latin.csv", bytes);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("Lu comme du texte en Windows-1252.", html);
        Assert.Contains($"Société “Œuvre” {token}", (await PreviewRowsAsync(client, url))[2].Html);
    }

    [Fact]
    public async Task Excel_unicode_text_utf16_with_tabs_is_imported_in_every_script()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = await SecretariatAsync();
        var text = $"Name\tCategory\tName_ar\tName_zh\r\nUnicode {token}\tOther\tمنظمة {token}\t组织 {token}\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var url = await PreviewUrlAsync(client, "organisations.txt", bytes, "text/plain");

        Assert.Contains("Read as text in UTF-16 LE.", await client.GetStringAsync(url));
        var rows = await PreviewRowsAsync(client, url);
        Assert.Equal("New", rows[2].Status);
        await client.PostFormAsync(url, new { keep = "2" });
        var imported = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Organisations.AsNoTracking().Include(o => o.Names)
            .SingleAsync(o => o.NormalisedName.Contains(token)));
        Assert.Equal($"Unicode {token}", imported.Name);
        Assert.Equal($"منظمة {token}", imported.DisplayName("ar"));
        Assert.Equal($"组织 {token}", imported.DisplayName("zh"));
    }

    [Fact]
    public async Task A_utf8_tab_separated_file_is_read_with_its_tabs_as_separators()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = await SecretariatAsync();

        var url = await PreviewUrlAsync(client, "list.tsv", Encoding.UTF8.GetBytes($"Name\tAcronym\tCategory\nTabbed, Inc. {token}\tT{token}\tOther\n"));

        Assert.Contains("Read as text in UTF-8.", await client.GetStringAsync(url));
        var row = (await PreviewRowsAsync(client, url))[2];
        Assert.Equal("New", row.Status);
        Assert.Contains($"Tabbed, Inc. {token}", row.Html);
        Assert.Contains($"T{token}", row.Html);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_inside_names_are_folded_to_one_space()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = await SecretariatAsync();
        var csv = $"Name,Category,Name_fr\n\"Folded\t\r\n  {token}\u2028Org\",Other,\"Pliée\n{token}\"\n";

        var url = await PreviewUrlAsync(client, "list.csv", Encoding.UTF8.GetBytes(csv));
        await client.PostFormAsync(url, new { keep = "2" });

        var imported = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Organisations.AsNoTracking().Include(o => o.Names)
            .SingleAsync(o => o.NormalisedName.Contains(token)));
        Assert.Equal($"Folded {token} Org", imported.Name);
        Assert.Equal($"Pliée {token}", imported.DisplayName("fr"));
    }

    [Fact]
    public async Task A_binary_file_named_csv_is_refused_as_not_text()
    {
        var client = await SecretariatAsync();

        var response = await UploadAsync(client, "list.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        Assert.Contains("The file could not be read as text (UTF-8, UTF-16 or Windows-1252).", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
