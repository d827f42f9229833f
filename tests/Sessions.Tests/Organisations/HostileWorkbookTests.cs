using System.IO.Compression;
using System.Net;
using ClosedXML.Excel;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Organisations;

/// <summary>Workbooks made to exhaust the server, uploaded to the organisation import: each is refused with a message, quickly.</summary>
public sealed class HostileWorkbookTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<string> UploadAsync(byte[] workbook, string language = "en")
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var response = await client.PostFileAsync("/organisations/import", "file", "list.xlsx", workbook, XlsxType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("type=\"file\"", html);
        return html;
    }

    private static byte[] Workbook(Action<IXLWorksheet> fill)
    {
        using var workbook = new XLWorkbook();
        fill(workbook.AddWorksheet("Organisations"));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_workbook_with_cells_A1_and_XFD1048576_is_refused_without_walking_the_range_between()
    {
        var workbook = Workbook(sheet =>
        {
            sheet.Cell("A1").Value = "Name";
            sheet.Cell("XFD1048576").Value = "x";
        });
        Assert.True(workbook.Length < 10 * 1024);

        var html = await UploadAsync(workbook, "fr");

        Assert.Contains("La feuille contient des valeurs jusqu’à la cellule XFD1048576.", html);
    }

    [Fact]
    public async Task A_value_far_to_the_right_of_the_columns_is_refused()
    {
        var workbook = Workbook(sheet =>
        {
            sheet.Cell("A1").Value = "Name";
            sheet.Cell("B1").Value = "Category";
            sheet.Cell("A2").Value = "Wide Org";
            sheet.Cell("B2").Value = "Other";
            sheet.Cell("XFD2").Value = "x";
        });

        var html = await UploadAsync(workbook);

        Assert.Contains("The sheet has values up to cell XFD2.", html);
    }

    [Fact]
    public async Task A_sheet_that_inflates_to_a_gigabyte_is_refused_before_it_is_loaded()
    {
        var workbook = Workbook(sheet => sheet.Cell("A1").Value = "Name");
        var bomb = Zip(Unzip(workbook), "xl/worksheets/sheet1.xml", padding: 1024L * 1024 * 1024);
        Assert.True(bomb.Length < 5 * 1024 * 1024);

        var html = await UploadAsync(bomb, "ru");

        Assert.Contains("После распаковки размер файла превышает 50 МБ.", html);
    }

    /// <summary>
    /// The entries zipped again; <paramref name="padded"/> gets <paramref name="padding"/> spaces before its closing tag
    /// (still well-formed XML), written in chunks so the test never holds the inflated sheet.
    /// </summary>
    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, string padded, long padding)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var spaces = new byte[1024 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                if (name != padded)
                {
                    stream.Write(content);
                    continue;
                }

                var cut = content.AsSpan().LastIndexOf("</"u8);
                stream.Write(content, 0, cut);
                for (var written = 0L; written < padding; written += spaces.Length)
                {
                    stream.Write(spaces);
                }

                stream.Write(content, cut, content.Length - cut);
            }
        }

        return output.ToArray();
    }

    private static List<(string Name, byte[] Content)> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (entry.FullName, copy.ToArray());
        }).ToList();
    }
}
