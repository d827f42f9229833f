using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;
using Sessions.Web.Features.Attendance.Report;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Benchmarks;

/// <summary>
/// The attendance report of the large seeded session (<c>seed</c>: 100,000 participants) once it has had its meetings:
/// the first run adds 10 meetings, the approved participants' attendance at each, an intervention on every agenda
/// item and issued written statements. Then, each in a fresh child process so that the peaks (VmHWM) do not mix:
/// (a) only the rows read and built (the database's share), (b) the report as the job writes it (<see cref="WriteAttendanceReport"/>: ClosedXML small sheets + streamed large
/// ones), (c) a bare OpenXmlWriter writing the same rows, read from the same database by the same queries, into a
/// minimal package (no styles beyond bold and dates, no widths, no frozen panes, no filters): the floor for this file.
/// </summary>
public static class AttendanceReportBenchmark
{
    public const string ChildCommand = "attendance-report-case";

    private static readonly string[] Cases = ["rows-only", "bare-openxmlwriter", "attendance-report"];

    public static async Task RunAsync(string dataDirectory, int sessionId, int meetings)
    {
        await PrepareAsync(dataDirectory, sessionId, meetings);
        Console.WriteLine($"attendance-report: session {sessionId} of {dataDirectory}, {Environment.ProcessorCount} cores, each case in a fresh process");
        // CPU seconds too: on a shared machine the wall clock depends on the neighbours, the CPU time much less.
        Console.WriteLine($"{"case",-20} {"seconds",8} {"cpu s",8} {"peak MiB",9} {"file MiB",9} {"rows",9}");
        await ChildCases.RunAsync(ChildCommand, Cases, dataDirectory, sessionId.ToString(CultureInfo.InvariantCulture));
    }

    public static async Task<int> RunCaseAsync(string name, string dataDirectory, int sessionId)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.English);
        var path = Path.Combine(Path.GetTempPath(), $"attendance-report-{name}-{Environment.ProcessId}.xlsx");
        await using var db = LargeSession.CreateContext(ConnectionString(dataDirectory));
        var handler = new WriteAttendanceReport.Handler(db, new StringLocalizer<Sessions.Web.Infrastructure.Localisation.Text>(new OneLocalizer(Localizer())));
        var progress = new WriteAttendanceReport.RowProgress();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        try
        {
            switch (name)
            {
                case "attendance-report":
                    await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    {
                        if (!await handler.WriteAsync(sessionId, file, progress, null, CancellationToken.None))
                        {
                            throw new InvalidOperationException($"No session {sessionId}.");
                        }
                    }

                    break;
                case "rows-only":
                    // The database's share: the same rows read and built, written nowhere.
                    var rows = await handler.ReadAsync(sessionId, progress, CancellationToken.None) ?? throw new InvalidOperationException($"No session {sessionId}.");
                    foreach (var sheet in rows.Streamed)
                    {
                        await foreach (var _ in sheet.Rows)
                        {
                        }
                    }

                    await File.WriteAllBytesAsync(path, []);
                    break;
                case "bare-openxmlwriter":
                    var content = await handler.ReadAsync(sessionId, progress, CancellationToken.None) ?? throw new InvalidOperationException($"No session {sessionId}.");
                    await WriteBareAsync(path, content);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown case {name}");
                    return 2;
            }

            clock.Stop();
            var size = new FileInfo(path).Length / 1024.0 / 1024.0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Console.WriteLine($"{name,-20} {clock.Elapsed.TotalSeconds,8:F2} {cpu.TotalSeconds,8:F2} {ChildCases.PeakMebibytes(),9:F0} {size,9:F1} {progress.Written,9:N0}");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "sessions.db"), DefaultTimeout = 30 }.ToString();

    private static JsonStringLocalizer Localizer()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sessions.sln")))
        {
            root = root.Parent;
        }

        var resources = Path.Combine(root?.FullName ?? ".", "src", "Sessions.Web", "Resources");
        return new JsonStringLocalizer(JsonStringLocalizer.Load(resources), NullLogger.Instance);
    }

    private sealed class OneLocalizer(IStringLocalizer localizer) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => localizer;

        public IStringLocalizer Create(string baseName, string location) => localizer;
    }

    /// <summary>Every sheet of the report, its header and its rows, cell by cell with OpenXmlWriter and nothing else.</summary>
    private static Task WriteBareAsync(string path, WriteAttendanceReport.Content content)
    {
        // The small sheets' rows are counted by the first large sheet, as in the report.
        async IAsyncEnumerable<IReadOnlyList<object?>> Rows(IReadOnlyList<IReadOnlyList<object?>> rows)
        {
            foreach (var row in rows)
            {
                yield return row;
            }

            await Task.CompletedTask;
        }

        return ChildCases.WriteBareWorkbookAsync(path, content.Tables.Select(t => (t.Name, t.Columns, Rows(t.Total is null ? t.Rows : [.. t.Rows, t.Total])))
            .Concat(content.Streamed.Select(s => (s.Name, s.Columns, s.Rows))));
    }

    private static async Task PrepareAsync(string dataDirectory, int sessionId, int meetingCount)
    {
        await using var db = LargeSession.CreateContext(ConnectionString(dataDirectory));
        var session = await db.Sessions.Include(s => s.Meetings).Include(s => s.AgendaItems).SingleAsync(s => s.Id == sessionId);
        if (session.Meetings.Count > 0)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var random = new Random(20261124);
        var opening = session.ToUtc(session.OpensOn.ToDateTime(new TimeOnly(10, 0)));
        for (var n = 1; n <= meetingCount; n++)
        {
            var day = (n - 1) / 2;
            var start = opening.AddDays(day).AddHours(n % 2 == 1 ? 0 : 5);
            session.AddMeeting(n, start, start.AddHours(3), "Plenary hall");
        }

        session.StatementDeadline = opening.AddDays(30);
        await db.SaveChangesAsync();
        var meetings = session.Meetings.OrderBy(m => m.Number).ToList();

        // The approved participants' attendance: most come to most meetings, a few are excused or absent.
        var approved = await db.Participants.AsNoTracking()
            .Where(p => p.Status == ParticipantStatus.Approved && db.Delegations.Any(d => d.Id == p.DelegationId && d.SessionId == sessionId))
            .Select(p => p.Id).ToListAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var records = new List<AttendanceRecord>();
        foreach (var participantId in approved)
        {
            var keen = random.NextDouble();
            foreach (var meeting in meetings)
            {
                var roll = random.NextDouble();
                if (roll < keen * 0.9)
                {
                    records.Add(new AttendanceRecord(participantId, meeting.Id, AttendanceStatus.Present, AttendanceMethod.Scan, meeting.StartsAt.AddMinutes(random.Next(-50, 60)), null));
                }
                else if (roll < keen * 0.9 + 0.05)
                {
                    records.Add(new AttendanceRecord(participantId, meeting.Id, random.NextDouble() < 0.5 ? AttendanceStatus.Excused : AttendanceStatus.Absent, AttendanceMethod.Roster, meeting.EndsAt, null));
                }
            }
        }

        using (var writer = new TableWriter<AttendanceRecord>(db, connection))
        {
            for (var start = 0; start < records.Count; start += LargeSession.BatchSize)
            {
                using var transaction = connection.BeginTransaction();
                writer.Transaction = transaction;
                foreach (var record in records.Skip(start).Take(LargeSession.BatchSize))
                {
                    writer.Insert(record);
                }

                transaction.Commit();
            }
        }

        // Approved delegations speak on every agenda item, and the stakeholders among them have a statement issued.
        var speaking = await db.Delegations.AsNoTracking().Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.Capacity, Speaker = db.Participants.Where(p => p.DelegationId == d.Id).OrderBy(p => p.Id).Select(p => p.Id).First() })
            .ToListAsync();
        var interventions = 0;
        foreach (var item in session.AgendaItems.OrderBy(a => a.Sequence))
        {
            var list = new SpeakersList(sessionId, item.Id, null, opening.AddDays(-1));
            var entries = speaking.OrderBy(_ => random.Next()).Take(30)
                .Select((d, i) => list.Inscribe(new InscriptionRequest(d.Id, d.Capacity, InscriptionKind.Statement, d.Capacity == Capacity.Member ? LevelOfRepresentation.Minister : LevelOfRepresentation.Other, d.Speaker), opening.AddMinutes(-60 + i)))
                .ToList();
            db.SpeakersLists.Add(list);
            await db.SaveChangesAsync();
            var at = meetings[Math.Min(item.Sequence - 1, meetings.Count - 1) / 2 * 2].StartsAt;
            foreach (var entry in entries)
            {
                list.GiveTheFloor(entry.Id, at);
                list.StartTimer(entry.Id, at.AddSeconds(5));
                var seconds = 60 + random.Next(240);
                list.FinishSpeaking(entry.Id, at.AddSeconds(5 + seconds));
                at = at.AddSeconds(seconds + 30);
                interventions++;
            }

            await db.SaveChangesAsync();
        }

        var rules = StatementRules.ForSession(sessionId);
        var statements = 0;
        var stakeholders = await db.Delegations.Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved && d.Capacity == Capacity.Stakeholder)
            .OrderBy(d => d.Id).Take(200).ToListAsync();
        var items = session.AgendaItems.OrderBy(a => a.Sequence).Select(a => a.Id).ToList();
        foreach (var delegation in stakeholders)
        {
            var statement = WrittenStatement.Submit(
                new StatementSubmission(sessionId, items[statements % items.Count], delegation, StatementTier.EcosocSpecial, $"Statement {statements + 1} on adequate housing",
                    Languages.English, StatementFormat.Text, null, "Housing is a human right.", 900, [], [], delegation.CreatedByUserId),
                rules, session, opening.AddDays(-10));
            statement.Issue(StatementSymbols.Series(rules.SeriesPatternFor(delegation.Capacity), session.Symbol), ++statements, session.OpensOn, delegation.CreatedByUserId, opening.AddDays(-5));
            db.WrittenStatements.Add(statement);
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"prepared session {sessionId}: {meetings.Count} meetings, {records.Count:N0} attendance records of {approved.Count:N0} approved participants, {interventions} interventions, {statements} statements in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
