using System.Net;
using ClosedXML.Excel;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.AttendanceReportBuilders;

namespace Sessions.Tests.Attendance.Report;

/// <summary>The report's page and the workbook itself speak each of the six languages, with no key left untranslated.</summary>
public sealed class AttendanceReportInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_page_and_the_workbook_are_translated(string language)
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var empty = await client.GetAsync(ReportUrl(seeded.SessionId));
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        using var workbook = new XLWorkbook(await client.DownloadReportAsync(seeded.SessionId));
        var ready = await client.GetStringAsync(ReportUrl(seeded.SessionId));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains($"lang=\"{language}\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("data-action=\"prepare-report\"", emptyHtml, StringComparison.Ordinal);
        // The button's own form carries the antiforgery token, or a browser's request would be refused.
        Assert.Matches(@"action=""/sessions/manage/\d+/attendance-report""[^>]*>(?:(?!</form>)[\s\S])*name=""__RequestVerificationToken""", emptyHtml);
        Assert.Contains("data-action=\"download-report\"", ready, StringComparison.Ordinal);
        Assert.Equal(7, workbook.Worksheets.Count);
        if (language != Languages.English)
        {
            foreach (var english in new[] { "No report has been prepared yet.", "Prepare the report", "Latest report in this language" })
            {
                Assert.DoesNotContain(english, emptyHtml, StringComparison.Ordinal);
            }

            foreach (var english in new[] { "Download the report", "Prepare it again with today's figures", "Asked for by" })
            {
                Assert.DoesNotContain(english, ready, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(workbook.Worksheets, sheet => sheet.Name is "Summary" or "Attendance" or "Speakers" or "Statements");
            Assert.DoesNotContain(workbook.Worksheets.ElementAt(3).Row(1).CellsUsed(), cell => cell.GetString() is "Name" or "Meetings attended");
        }
    }
}
