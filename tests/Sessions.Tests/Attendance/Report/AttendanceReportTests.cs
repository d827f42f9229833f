using System.Globalization;
using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;
using Xunit.Abstractions;
using static Sessions.Tests.Infrastructure.AttendanceReportBuilders;

namespace Sessions.Tests.Attendance.Report;

/// <summary>
/// The Excel attendance report of a session, made by a background job: its content read back with ClosedXML and with
/// LibreOffice, text that looks like a formula, names in any script, the join of a second request, and who may see it.
/// </summary>
public sealed class AttendanceReportTests(SessionsAppFactory factory, ITestOutputHelper output) : IClassFixture<SessionsAppFactory>
{
    private static readonly string[] SheetsInEnglish = ["Summary", "Organisations", "Participants", "Attendance", "Meetings", "Speakers", "Statements"];

    [Fact]
    public async Task The_report_holds_every_sheet_with_the_figures_of_the_session()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync();

        using var workbook = new XLWorkbook(await client.DownloadReportAsync(seeded.SessionId));

        Assert.Equal(SheetsInEnglish, workbook.Worksheets.Select(w => w.Name).ToArray());
        var summary = workbook.Worksheet("Summary");
        Assert.Contains("Africa/Nairobi", summary.Cell(2, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal("Capacity", summary.Cell(4, 1).GetString());
        Assert.Equal(4, summary.SheetView.SplitRow);
        Assert.True(summary.AutoFilter.IsEnabled);
        var total = summary.RowsUsed().Last();
        Assert.Equal("Total", total.Cell(1).GetString());
        Assert.Equal(
            [ReportSession.DelegationsRegistered, ReportSession.DelegationsApproved, ReportSession.DelegationsAttended, ReportSession.ParticipantsRegistered,
             ReportSession.ParticipantsApproved, ReportSession.ParticipantsAttended, ReportSession.OralStatements, ReportSession.WrittenStatements],
            Enumerable.Range(3, 8).Select(c => total.Cell(c).GetValue<int>()).ToArray());
        // One row per capacity and category with a registered delegation: member State, observer State, IGO, NGO.
        Assert.Equal(4, summary.Range(5, 1, total.RowNumber() - 2, 1).CellsUsed().Count());
        Assert.Equal(ReportSession.ParticipantsRegistered, Enumerable.Range(5, 4).Sum(r => summary.Cell(r, 6).GetValue<int>()));

        var organisations = workbook.Worksheet("Organisations");
        Assert.Equal(ReportSession.DelegationsRegistered + 1, organisations.LastRowUsed().RowNumber());
        var morocco = RowOf(organisations, Morocco);
        Assert.Equal(["Member State", "Morocco"], new[] { morocco.Cell(2).GetString(), morocco.Cell(3).GetString() });
        // Approved 4, attending 2, meetings attended 2, oral 1, written 0, co-sponsored 1.
        Assert.Equal([4, 2, 2, 1, 0, 1], Enumerable.Range(6, 6).Select(c => morocco.Cell(c).GetValue<int>()).ToArray());

        var participants = workbook.Worksheet("Participants");
        Assert.Equal(ReportSession.ParticipantsRegistered + 1, participants.LastRowUsed().RowNumber());
        Assert.Equal(["Accessibility needs", "Dietary needs", "Meeting 1", "Meeting 2", "Meeting 3"], Enumerable.Range(6, 5).Select(c => participants.Cell(1, c).GetString()));
        Assert.Equal(["Present", "Present", ""], Enumerable.Range(8, 3).Select(c => RowOf(participants, ArabicParticipant).Cell(c).GetString()));
        Assert.Equal(["Present", "Absent", ""], Enumerable.Range(8, 3).Select(c => RowOf(participants, ChineseParticipant).Cell(c).GetString()));
        Assert.Equal("Excused", RowOf(participants, FormulaParticipant).Cell(10).GetString());
        // The UN order: members of the body, observer States, IGOs, then other organisations; the head of delegation first.
        Assert.Equal(
            [ArabicParticipant, ChineseParticipant, FormulaParticipant, "Ana Lopez", "+33 Jean Dupont", "Amina Diallo", "Kofi Mensah", "@admin Tabbed", "-5 Minus"],
            Enumerable.Range(2, ReportSession.ParticipantsRegistered).Select(r => participants.Cell(r, 1).GetString()));
        Assert.Equal(
            Enumerable.Range(2, ReportSession.ParticipantsRegistered).Select(r => participants.Cell(r, 1).GetString()),
            Enumerable.Range(2, ReportSession.ParticipantsRegistered).Select(r => workbook.Worksheet("Attendance").Cell(r, 1).GetString()));
        Assert.Equal(1, participants.SheetView.SplitRow);
        Assert.Equal($"A1:J{ReportSession.ParticipantsRegistered + 1}", participants.AutoFilter.Range.RangeAddress.ToString());

        var attendance = workbook.Worksheet("Attendance");
        Assert.Equal(ReportSession.ParticipantsRegistered + 1, attendance.LastRowUsed().RowNumber());
        Assert.Equal("Meetings attended", attendance.Cell(1, 6).GetString());
        Assert.Equal(ReportSession.PresentMarks, Enumerable.Range(2, ReportSession.ParticipantsRegistered).Sum(r => attendance.Cell(r, 6).GetValue<int>()));
        Assert.Equal([2, 1, 1], Enumerable.Range(3, 3).Select(c => attendance.Column(c).CellsUsed().Count(cell => cell.Address.RowNumber > 1 && cell.GetValue<int>() == 1)));
        Assert.Equal(32, attendance.Column(1).Width, 3);

        var speakers = workbook.Worksheet("Speakers");
        Assert.Equal(ReportSession.Interventions + 1, speakers.LastRowUsed().RowNumber());
        Assert.Equal("Called at (Africa/Nairobi)", speakers.Cell(1, 6).GetString());
        // 07:10 UTC is 10:10 in Nairobi; 300 seconds is 0:05:00.
        Assert.Equal(new DateTime(2026, 5, 4, 10, 10, 0), speakers.Cell(2, 6).GetDateTime());
        Assert.Equal((300, 300), (Seconds(speakers.Cell(2, 7)), Seconds(speakers.Cell(2, 8))));
        Assert.Equal("[h]:mm:ss", speakers.Cell(2, 7).Style.NumberFormat.Format);
        Assert.Equal("3 General debate", speakers.Cell(2, 1).GetString());

        var statements = workbook.Worksheet("Statements");
        Assert.Equal(ReportSession.Statements + 1, statements.LastRowUsed().RowNumber());
        // Rows expected: summary 4 + total, organisations 4, meetings 3, interventions 3, statements 2, and each registered participant twice.
        var run = await factory.WithDbAsync(db => db.AttendanceReportRuns.SingleAsync(r => r.SessionId == seeded.SessionId));
        Assert.Equal((35, 35, ReportRunStatus.Ready), (run.RowsExpected, run.RowsWritten, run.Status));
        Assert.Equal(Morocco, statements.Cell(2, 4).GetString());
        Assert.Equal("Issued", statements.Cell(2, 7).GetString());
        Assert.Equal(new DateTime(2026, 5, 4), statements.Cell(2, 9).GetDateTime());
    }

    [Fact]
    public async Task Names_that_look_like_formulas_land_as_text()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync();

        using var workbook = new XLWorkbook(await client.DownloadReportAsync(seeded.SessionId));

        var cells = new[]
        {
            RowOf(workbook.Worksheet("Participants"), FormulaParticipant).Cell(1),
            RowOf(workbook.Worksheet("Participants"), "+33 Jean Dupont").Cell(1),
            RowOf(workbook.Worksheet("Participants"), "@admin Tabbed").Cell(1),
            RowOf(workbook.Worksheet("Participants"), "-5 Minus").Cell(1),
            RowOf(workbook.Worksheet("Attendance"), FormulaParticipant).Cell(1),
            RowOf(workbook.Worksheet("Organisations"), FormulaOrganisation).Cell(1),
            RowOf(workbook.Worksheet("Speakers"), FormulaOrganisation, column: 2).Cell(2),
            RowOf(workbook.Worksheet("Statements"), "=SUM(A1) housing for all", column: 2).Cell(2),
        };
        Assert.All(cells, cell =>
        {
            Assert.False(cell.HasFormula, cell.Address.ToString());
            Assert.Equal(XLDataType.Text, cell.DataType);
        });
        Assert.Equal(FormulaParticipant, cells[0].GetString());
        Assert.Equal(FormulaOrganisation, cells[5].GetString());
    }

    [Fact]
    public async Task In_arabic_the_sheets_run_right_to_left_with_names_in_their_own_script()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync("ar");

        using var workbook = new XLWorkbook(await client.DownloadReportAsync(seeded.SessionId));

        Assert.Equal(["ملخص", "المنظمات", "المشاركون", "الحضور", "الجلسات", "المتكلمون", "البيانات"], workbook.Worksheets.Select(w => w.Name).ToArray());
        Assert.All(workbook.Worksheets, sheet => Assert.True(sheet.RightToLeft, sheet.Name));
        var organisations = workbook.Worksheet("المنظمات");
        Assert.Contains(organisations.Column(1).CellsUsed(), c => c.GetString() == MoroccoInArabic);
        Assert.Contains(organisations.Column(1).CellsUsed(), c => c.GetString() == "دولة فلسطين");
        var participants = workbook.Worksheet("المشاركون");
        Assert.Equal(MoroccoInArabic, RowOf(participants, ArabicParticipant).Cell(2).GetString());
        Assert.Equal("حاضر", RowOf(participants, ArabicParticipant).Cell(8).GetString());
        Assert.NotNull(RowOf(participants, ChineseParticipant));
    }

    [Fact]
    public async Task In_chinese_organisations_are_named_in_chinese()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync("zh");

        using var workbook = new XLWorkbook(await client.DownloadReportAsync(seeded.SessionId));

        Assert.False(workbook.Worksheets.First().RightToLeft);
        var participants = workbook.Worksheets.ElementAt(2);
        Assert.Equal(MoroccoInChinese, RowOf(participants, ChineseParticipant).Cell(2).GetString());
        Assert.Equal(ArabicParticipant, RowOf(participants, ArabicParticipant).Cell(1).GetString());
    }

    [Fact]
    public async Task LibreOffice_reads_the_same_figures_from_the_report()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync();
        var report = await client.DownloadReportAsync(seeded.SessionId);

        var attendance = await LibreOfficeCsv.ConvertAsync(new MemoryStream(report.ToArray()), 4, output);
        if (attendance is null)
        {
            return;
        }

        var summary = await LibreOfficeCsv.ConvertAsync(new MemoryStream(report.ToArray()), 1, output);

        Assert.Equal(ReportSession.ParticipantsRegistered + 1, attendance.Count);
        Assert.Equal(["Name", "Organisation", "Meeting 1", "Meeting 2", "Meeting 3", "Meetings attended"], attendance[0]);
        Assert.Equal(ReportSession.PresentMarks, attendance.Skip(1).Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture)));
        Assert.Contains(attendance, r => r[0] == FormulaParticipant && r[1] == Morocco);
        Assert.Contains(attendance, r => r[0] == ArabicParticipant && r[2] == "1" && r[3] == "1" && r[5] == "2");
        var total = summary!.Single(r => r[0] == "Total");
        Assert.Equal(
            new[] { ReportSession.DelegationsRegistered, ReportSession.DelegationsApproved, ReportSession.DelegationsAttended, ReportSession.ParticipantsRegistered,
                ReportSession.ParticipantsApproved, ReportSession.ParticipantsAttended, ReportSession.OralStatements, ReportSession.WrittenStatements }
                .Select(n => n.ToString(CultureInfo.InvariantCulture)),
            total.Skip(2).Take(8));
    }

    [Fact]
    public async Task A_second_request_while_a_run_is_queued_joins_it()
    {
        var seeded = await factory.AddReportSessionAsync();
        var first = await factory.CreateUserAsync(DelegationBuilders.NewEmail("officer"), SessionsAppFactory.AdminPassword, Roles.Secretariat);
        var runId = await AddRunAsync(seeded.SessionId, first.Id, ReportRunStatus.Queued);
        var second = await SecretariatAsync();

        var asked = await second.PostFormAsync(ReportUrl(seeded.SessionId), new { }, ReportUrl(seeded.SessionId));
        var page = await second.GetStringAsync(ReportUrl(seeded.SessionId));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal([runId], await RunIdsAsync(seeded.SessionId));
        Assert.Contains("data-role=\"report-progress\"", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Queued\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_click_makes_one_run()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync();
        var url = ReportUrl(seeded.SessionId);
        var token = await client.GetAntiforgeryTokenAsync(url);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));
        var state = await client.WaitForReportAsync(seeded.SessionId);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(await RunIdsAsync(seeded.SessionId));
        Assert.Equal("Ready", state.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_one_run_of_a_session_and_language_can_be_active_at_once()
    {
        var seeded = await factory.AddReportSessionAsync();
        var userId = (await factory.CreateUserAsync(DelegationBuilders.NewEmail("officer"), SessionsAppFactory.AdminPassword, Roles.Secretariat)).Id;
        await AddRunAsync(seeded.SessionId, userId, ReportRunStatus.Failed);
        await AddRunAsync(seeded.SessionId, userId, ReportRunStatus.Running);
        await AddRunAsync(seeded.SessionId, userId, ReportRunStatus.Queued, language: "fr");

        await Assert.ThrowsAsync<DbUpdateException>(() => AddRunAsync(seeded.SessionId, userId, ReportRunStatus.Queued));
    }

    [Fact]
    public async Task A_failed_run_shows_failed_and_can_be_asked_again()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync();
        var userId = (await factory.CreateUserAsync(DelegationBuilders.NewEmail("officer"), SessionsAppFactory.AdminPassword, Roles.Secretariat)).Id;
        var failed = await AddRunAsync(seeded.SessionId, userId, ReportRunStatus.Failed);

        var page = await client.GetStringAsync(ReportUrl(seeded.SessionId));
        var state = await client.PrepareReportAndWaitAsync(seeded.SessionId);

        Assert.Contains("data-status=\"Failed\"", page, StringComparison.Ordinal);
        Assert.Contains("The report could not be prepared.", page, StringComparison.Ordinal);
        Assert.Equal("Ready", state.GetProperty("status").GetString());
        Assert.Equal(100, state.GetProperty("percent").GetInt32());
        var runs = await RunIdsAsync(seeded.SessionId);
        Assert.Equal(2, runs.Count);
        Assert.Equal(failed, runs[0]);
        var ready = await client.GetStringAsync(ReportUrl(seeded.SessionId));
        Assert.Contains($"href=\"/sessions/manage/{seeded.SessionId}/attendance-report/{runs[1]}/download\" data-action=\"download-report\"", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_fails_is_marked_failed_and_the_next_request_starts_afresh()
    {
        using var own = new SessionsAppFactory();
        var seeded = await own.AddReportSessionAsync();
        var client = own.CreateBrowser("en");
        await client.SignInAsAsync(own, Roles.Secretariat);
        // A file where the reports' folder should be: the job cannot write the workbook.
        var blocker = Path.Combine(own.DataDirectory, "reports");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var failed = await client.PrepareReportAndWaitAsync(seeded.SessionId);
        var page = await client.GetStringAsync(ReportUrl(seeded.SessionId));
        File.Delete(blocker);
        await Task.Delay(AttendanceReportRun.SameRequestWithin);
        var ready = await client.PrepareReportAndWaitAsync(seeded.SessionId);

        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("downloadUrl").ValueKind);
        Assert.Contains("The report could not be prepared.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"download-report\"", page, StringComparison.Ordinal);
        Assert.Equal("Ready", ready.GetProperty("status").GetString());
        Assert.Empty(Directory.GetFiles(Path.Combine(own.DataDirectory, "reports"), "*.part"));
    }

    [Fact]
    public async Task Progress_is_told_every_so_many_rows()
    {
        var told = new List<int>();
        var progress = new Sessions.Web.Features.Attendance.Report.WriteAttendanceReport.RowProgress((written, _) =>
        {
            told.Add(written);
            return Task.CompletedTask;
        }, every: 10);

        foreach (var rows in new[] { 4, 5, 1, 3, 25, 2 })
        {
            await progress.AddAsync(rows, CancellationToken.None);
        }

        Assert.Equal([10, 38, 40], told);
        Assert.Equal(40, progress.Written);
        Assert.Equal(0, AttendanceReportRun.Of(ReportRunStatus.Queued, 0, 100));
        Assert.Equal(99, AttendanceReportRun.Of(ReportRunStatus.Running, 100, 100));
        Assert.Equal(37, AttendanceReportRun.Of(ReportRunStatus.Running, 37, 100));
        Assert.Equal(100, AttendanceReportRun.Of(ReportRunStatus.Ready, 0, 0));
    }

    [Fact]
    public async Task A_run_lost_by_a_stopped_server_no_longer_holds_the_place()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync();
        var userId = (await factory.CreateUserAsync(DelegationBuilders.NewEmail("officer"), SessionsAppFactory.AdminPassword, Roles.Secretariat)).Id;
        var lost = await AddRunAsync(seeded.SessionId, userId, ReportRunStatus.Running, at: DateTime.UtcNow - AttendanceReportRun.AbandonedAfter - TimeSpan.FromMinutes(1));

        var state = await client.PrepareReportAndWaitAsync(seeded.SessionId);

        Assert.Equal("Ready", state.GetProperty("status").GetString());
        var statuses = await factory.WithDbAsync(db => db.AttendanceReportRuns.Where(r => r.SessionId == seeded.SessionId).OrderBy(r => r.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal([ReportRunStatus.Failed, ReportRunStatus.Ready], statuses);
        Assert.NotEqual(lost, (await RunIdsAsync(seeded.SessionId))[1]);
    }

    [Fact]
    public async Task Anyone_but_the_secretariat_and_unknown_sessions_and_runs_get_404()
    {
        var seeded = await factory.AddReportSessionAsync();
        var other = await factory.AddReportSessionAsync();
        var secretariat = await SecretariatAsync();
        var state = await secretariat.PrepareReportAndWaitAsync(seeded.SessionId);
        var download = state.GetProperty("downloadUrl").GetString()!;
        var runId = download.Split('/')[^2];
        var focalPoint = factory.CreateBrowser("en");
        await focalPoint.SignInAsFocalPointOfAsync(factory, await factory.WithDbAsync(db => db.Delegations.Where(d => d.Id == seeded.MoroccoDelegationId).Select(d => d.OrganisationId).SingleAsync()));
        var delegate_ = factory.CreateBrowser("en");
        await delegate_.SignInAsAsync(factory, Roles.Delegate);

        foreach (var client in new[] { focalPoint, delegate_ })
        {
            foreach (var url in new[] { ReportUrl(seeded.SessionId), ReportUrl(seeded.SessionId) + "/progress", download })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            }

            var token = await client.GetAntiforgeryTokenAsync("/");
            var post = await client.PostAsync(ReportUrl(seeded.SessionId), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Single(await RunIdsAsync(seeded.SessionId));
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(ReportUrl(999_999))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync(ReportUrl(999_999) + "/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PostFormAsync(ReportUrl(999_999), new { }, ReportUrl(seeded.SessionId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"{ReportUrl(other.SessionId)}/{runId}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"{ReportUrl(seeded.SessionId)}/999999/download")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(download)).StatusCode);
    }

    [Fact]
    public async Task The_session_page_links_to_the_report()
    {
        var seeded = await factory.AddReportSessionAsync();
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync($"/sessions/manage/{seeded.SessionId}");

        Assert.Contains($"href=\"/sessions/manage/{seeded.SessionId}/attendance-report\"", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SecretariatAsync(string language = "en")
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private Task<int> AddRunAsync(int sessionId, string userId, ReportRunStatus status, string language = "en", DateTime? at = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var run = new AttendanceReportRun(sessionId, language, userId, at ?? DateTime.UtcNow);
            db.AttendanceReportRuns.Add(run);
            await db.SaveChangesAsync();
            if (status != ReportRunStatus.Queued)
            {
                await db.AttendanceReportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status));
            }

            return run.Id;
        });

    private Task<List<int>> RunIdsAsync(int sessionId) =>
        factory.WithDbAsync(db => db.AttendanceReportRuns.Where(r => r.SessionId == sessionId).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());

    /// <summary>A duration cell's seconds, whichever type ClosedXML reads its [h]:mm:ss format as.</summary>
    private static int Seconds(IXLCell cell) => (int)Math.Round(cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToOADate() * 86400,
        XLDataType.TimeSpan => cell.GetTimeSpan().TotalSeconds,
        _ => cell.GetDouble() * 86400,
    });

    private static IXLRow RowOf(IXLWorksheet sheet, string text, int column = 1) =>
        sheet.RowsUsed().First(r => r.Cell(column).GetString() == text);
}
