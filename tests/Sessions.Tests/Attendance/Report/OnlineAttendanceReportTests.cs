using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.AttendanceReportBuilders;

namespace Sessions.Tests.Attendance.Report;

/// <summary>
/// The report and the statistics count both ways of taking part. The report session's presences: two of Morocco's at
/// meeting 1 and one at meeting 2 (in the room), Palestine's observer at meeting 3, marked online here on the roster.
/// </summary>
public sealed class OnlineAttendanceReportTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string Observer = "+33 Jean Dupont";

    [Fact]
    public async Task The_report_counts_presences_in_the_room_and_online_per_session_organisation_and_meeting()
    {
        var (seeded, client) = await ObserverOnlineAsync();

        using var workbook = new XLWorkbook(await client.DownloadReportAsync(seeded.SessionId));

        var summary = workbook.Worksheet("Summary");
        Assert.Equal(["Present in the room", "Present online"], new[] { summary.Cell(4, 11).GetString(), summary.Cell(4, 12).GetString() });
        var total = summary.RowsUsed().Last();
        Assert.Equal([2, 1], new[] { total.Cell(11).GetValue<int>(), total.Cell(12).GetValue<int>() });

        var organisations = workbook.Worksheet("Organisations");
        Assert.Equal([0, 1], Cells(RowOf(organisations, "State of Palestine"), 12, 2));
        Assert.Equal([2, 0], Cells(RowOf(organisations, Morocco), 12, 2));

        var meetings = workbook.Worksheet("Meetings");
        Assert.Equal(["Meeting", "Starts at (Africa/Nairobi)", "Present in the room", "Present online", "Absent", "Excused"],
            Enumerable.Range(1, 6).Select(c => meetings.Cell(1, c).GetString()));
        Assert.Equal([2, 0, 0, 0], Cells(RowOf(meetings, "Meeting 1"), 3, 4));
        Assert.Equal([1, 0, 1, 0], Cells(RowOf(meetings, "Meeting 2"), 3, 4));
        Assert.Equal([0, 1, 0, 1], Cells(RowOf(meetings, "Meeting 3"), 3, 4));

        Assert.Equal("Present online", RowOf(workbook.Worksheet("Participants"), Observer).Cell(10).GetString());
        Assert.Equal(1, RowOf(workbook.Worksheet("Attendance"), Observer).Cell(5).GetValue<int>());
    }

    [Fact]
    public async Task The_statistics_say_most_observers_attended_online()
    {
        var (seeded, client) = await ObserverOnlineAsync();
        var bodyId = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == seeded.SessionId).Select(s => s.BodyId).SingleAsync());

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/statistics/participation?bodyId={bodyId}&from=2026-01-01&to=2026-12-31"));

        Assert.Contains("Participants of observer organisations present at a meeting: 0 in the room and 1 online.", html);
        Assert.Contains("Most observers attended online.", html);
        Assert.Contains("<td class=\"text-end\" data-figure=\"online\">1</td>", html);

        var response = await client.GetAsync($"/statistics/participation.xlsx?bodyId={bodyId}&from=2026-01-01&to=2026-12-31");
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var bySession = workbook.Worksheet("By session");
        Assert.Equal(["Present in the room", "Present online"], new[] { bySession.Cell(1, 10).GetString(), bySession.Cell(1, 11).GetString() });
        Assert.Equal([0, 1], Cells(bySession.Row(2), 10, 2));
        Assert.Contains(workbook.Worksheet("Summary").CellsUsed(), c => c.GetString() == "Most observers attended online.");
    }

    private async Task<(ReportSession Seeded, HttpClient Client)> ObserverOnlineAsync()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var observer = await factory.WithDbAsync(db => db.Participants.Where(p => p.FamilyName == "Dupont" && db.Delegations.Any(d => d.Id == p.DelegationId && d.SessionId == seeded.SessionId))
            .Select(p => p.Id).SingleAsync());
        var meeting3 = await factory.MeetingIdAsync(seeded.SessionId, 3);
        var roster = $"/sessions/manage/{seeded.SessionId}/meetings/{meeting3}/roster";
        await client.PostFormAsync(roster, new Dictionary<string, string> { ["page"] = "1", ["mark"] = $"{observer}:Present:Online" }, roster);
        return (seeded, client);
    }

    private static int[] Cells(IXLRow row, int first, int count) => Enumerable.Range(first, count).Select(c => row.Cell(c).GetValue<int>()).ToArray();

    private static IXLRow RowOf(IXLWorksheet sheet, string text) => sheet.RowsUsed().First(r => r.Cell(1).GetString() == text);
}
