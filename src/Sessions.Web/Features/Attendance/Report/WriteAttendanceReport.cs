using System.Globalization;
using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Speakers;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Web.Features.Attendance.Report;

/// <summary>
/// The attendance report of a session, in the reader's language (the current culture): the Summary, small and styled,
/// is made with ClosedXML; Organisations, Participants, Attendance, Meetings, Speakers and Statements are streamed row by row —
/// Participants and Attendance have a row per participant (a hundred thousand in a large session), and are read from
/// the database as they are written, so memory does not grow with them. Every
/// count of delegations, participants and statements comes from <see cref="Participation"/>. Times are the session's
/// wall clock, and the headings say which zone. Text is always text, never a formula.
/// </summary>
public static class WriteAttendanceReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A sheet whose rows are in memory (a few thousand at most). <paramref name="Total"/> stands apart below the filtered rows.</summary>
    public sealed record Table(string Name, IReadOnlyList<StreamedColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<object?>? Total = null);

    /// <summary>
    /// What the report holds: <see cref="Heading"/> lines above the Summary (the one table made with ClosedXML), then the
    /// streamed sheets (the participants' rows are read from the database as they are written).
    /// </summary>
    public sealed record Content(string FileName, IReadOnlyList<string> Heading, IReadOnlyList<Table> Tables, IReadOnlyList<StreamedSheet> Streamed, int RowsExpected, bool RightToLeft);

    /// <summary>Counts the rows written and tells <paramref name="report"/> every <paramref name="every"/> rows.</summary>
    public sealed class RowProgress(Func<int, CancellationToken, Task>? report = null, int every = 2_000)
    {
        public int Written { get; private set; }

        public async ValueTask AddAsync(int rows, CancellationToken cancellationToken)
        {
            var before = Written;
            Written += rows;
            if (report is not null && Written / every != before / every)
            {
                await report(Written, cancellationToken);
            }
        }
    }

    private sealed record ParticipantLine(int Id, int DelegationId, string GivenName, string FamilyName, ParticipantFunction Function, ParticipantStatus Status) : IListedParticipant
    {
        public string Name => $"{GivenName} {FamilyName}";
    }

    /// <summary>Added to a participant's mark of a meeting when they were present online (the statuses are 1 to 3).</summary>
    private const int OnlineMark = 0x10;

    /// <summary>Participants are read for this many at a time, a few delegations together, in the order of the list.</summary>
    private const int ParticipantsPerRead = 5_000;

    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        /// <summary>Writes the report of the session; false when there is no such session.</summary>
        public async Task<bool> WriteAsync(int sessionId, Stream output, RowProgress progress, Func<int, CancellationToken, Task>? expected, CancellationToken cancellationToken)
        {
            var content = await ReadAsync(sessionId, progress, cancellationToken);
            if (content is null)
            {
                return false;
            }

            if (expected is not null)
            {
                await expected(content.RowsExpected, cancellationToken);
            }

            await WriteAsync(output, content, cancellationToken);
            return true;
        }

        public static Task WriteAsync(Stream output, Content content, CancellationToken cancellationToken) =>
            StreamedWorkbook.WriteAsync(
                output,
                workbook =>
                {
                    for (var i = 0; i < content.Tables.Count; i++)
                    {
                        AddTable(workbook, content.Tables[i], i == 0 ? content.Heading : [], content.RightToLeft);
                    }
                },
                content.Streamed,
                cancellationToken);

        /// <summary>Reads the small sheets and prepares the large ones; null when there is no such session.</summary>
        public async Task<Content?> ReadAsync(int sessionId, RowProgress progress, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var language = Cultures.Current;
            var rightToLeft = Cultures.IsRightToLeft;
            var zone = session.TimeZoneId;
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.SessionId == sessionId).OrderBy(m => m.Number)
                .Select(m => new { m.Id, m.Number, m.StartsAt, m.Name }).ToListAsync(cancellationToken);
            var participation = await Participation.OfSessionsAsync(db, [sessionId], cancellationToken);

            var summary = Summary(participation);
            var names = await OrganisationNamesAsync(sessionId, language, cancellationToken);

            // The UN order of the list of participants, for the organisations and the participants alike: delegations
            // arranged here (thousands), then their participants read a few delegations at a time, never all at once.
            var collation = StringComparer.Create(CultureInfo.GetCultureInfo(language), CompareOptions.IgnoreCase);
            var registered = participation.Where(p => p.IsRegistered).ToDictionary(p => p.DelegationId);
            var inOrder = registered.Values
                .Select(p => new ListedDelegation(p.DelegationId, names[p.OrganisationId].Name, p.Capacity, p.Category, p.ParticipantsRegistered))
                .InUnOrder(collation);
            var organisations = Organisations(language, inOrder.Select(d => registered[d.Id]), names);
            var speakers = await SpeakersAsync(sessionId, language, session, cancellationToken);
            var statements = await StatementsAsync(sessionId, language, session, cancellationToken);
            var perMeeting = await MeetingsAsync(sessionId, session, meetings.Select(m => (m.Id, m.Number, m.StartsAt, m.Name)).ToList(), language, cancellationToken);
            var tables = new[] { summary };

            var arranged = inOrder.Where(d => d.Count > 0).ToList();
            var participantCount = arranged.Sum(d => d.Count);
            var meetingIndex = meetings.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var summaryRows = summary.Rows.Count + 1;

            // Each participant's mark per meeting (a byte each: the status, and OnlineMark when present online), read once for both large sheets.
            Dictionary<int, byte[]>? marks = null;
            async Task<Dictionary<int, byte[]>> MarksAsync(CancellationToken token)
            {
                if (marks is not null)
                {
                    return marks;
                }

                marks = new Dictionary<int, byte[]>(participantCount);
                var records = db.Attendance.AsNoTracking().Where(a => db.Meetings.Any(m => m.Id == a.MeetingId && m.SessionId == sessionId))
                    .Select(a => new { a.ParticipantId, a.MeetingId, a.Status, a.Mode }).AsAsyncEnumerable();
                await foreach (var record in records.WithCancellation(token))
                {
                    if (!marks.TryGetValue(record.ParticipantId, out var row))
                    {
                        row = new byte[meetings.Count];
                        marks.Add(record.ParticipantId, row);
                    }

                    row[meetingIndex[record.MeetingId]] = (byte)((int)record.Status | (record.Mode == AttendanceMode.Online ? OnlineMark : 0));
                }

                return marks;
            }

            // The needs stated for the session's participants (a few per hundred): read once, looked up as the rows stream.
            var needs = await (
                    from r in db.SpecialRequirements.AsNoTracking()
                    join p in db.Participants on r.ParticipantId equals p.Id
                    join d in db.Delegations on p.DelegationId equals d.Id
                    where d.SessionId == sessionId
                    select new { r.ParticipantId, Needs = new Needs(r.WheelchairAccess, r.SignLanguageInterpretation, r.SupportPerson, r.OtherAccessibility, r.Dietary) })
                .ToDictionaryAsync(x => x.ParticipantId, x => x.Needs, cancellationToken);
            string Accessibility(Needs stated) => string.Join("; ", new[]
            {
                stated.WheelchairAccess ? t["Wheelchair access"].Value : null,
                stated.SignLanguageInterpretation ? t["Sign-language interpretation"].Value : null,
                stated.SupportPerson ? t["A support person"].Value : null,
                stated.OtherAccessibility,
            }.Where(x => x is not null));

            var functions = Enum.GetValues<ParticipantFunction>().ToDictionary(f => f, f => t.For(f));
            var capacities = Enum.GetValues<Capacity>().ToDictionary(c => c, c => t.For(c));
            var statuses = Enum.GetValues<ParticipantStatus>().ToDictionary(s => s, s => t.For(s));
            var marksWords = Enum.GetValues<AttendanceStatus>().ToDictionary(s => (byte)s, s => t.For(s));
            marksWords[(byte)((int)AttendanceStatus.Present | OnlineMark)] = t["Present online"];

            async IAsyncEnumerable<IReadOnlyList<object?>> ParticipantRows([EnumeratorCancellation] CancellationToken token = default)
            {
                var all = await MarksAsync(token);
                await foreach (var (d, p) in ListedAsync(arranged, collation, token))
                {
                    var row = new object?[7 + meetings.Count];
                    row[0] = p.Name;
                    row[1] = d.Organisation;
                    row[2] = functions[p.Function];
                    row[3] = capacities[d.Capacity];
                    row[4] = statuses[p.Status];
                    if (needs.TryGetValue(p.Id, out var stated))
                    {
                        row[5] = Accessibility(stated);
                        row[6] = stated.Dietary;
                    }

                    if (all.TryGetValue(p.Id, out var marked))
                    {
                        for (var m = 0; m < marked.Length; m++)
                        {
                            row[7 + m] = marked[m] == 0 ? null : marksWords[marked[m]];
                        }
                    }

                    yield return row;
                    await progress.AddAsync(1, token);
                }
            }

            async IAsyncEnumerable<IReadOnlyList<object?>> AttendanceRows([EnumeratorCancellation] CancellationToken token = default)
            {
                var all = await MarksAsync(token);
                await foreach (var (d, p) in ListedAsync(arranged, collation, token))
                {
                    var row = new object?[3 + meetings.Count];
                    row[0] = p.Name;
                    row[1] = d.Organisation;
                    var present = 0;
                    if (all.TryGetValue(p.Id, out var marked))
                    {
                        for (var m = 0; m < marked.Length; m++)
                        {
                            if ((marked[m] & ~OnlineMark) == (int)AttendanceStatus.Present)
                            {
                                row[2 + m] = 1;
                                present++;
                            }
                        }
                    }

                    row[2 + meetings.Count] = present;
                    yield return row;
                    await progress.AddAsync(1, token);
                }
            }

            async IAsyncEnumerable<IReadOnlyList<object?>> Listed(Table table, bool afterSummary, [EnumeratorCancellation] CancellationToken token = default)
            {
                if (afterSummary)
                {
                    // The summary is in the file by the time the first streamed sheet is read.
                    await progress.AddAsync(summaryRows, token);
                }

                foreach (var row in table.Rows)
                {
                    yield return row;
                    await progress.AddAsync(1, token);
                }
            }

            var meetingColumns = meetings.Select(m => new StreamedColumn(t["Meeting {0}", m.Number], 14)).ToList();
            var streamed = new[]
            {
                new StreamedSheet(organisations.Name, organisations.Columns, Listed(organisations, afterSummary: true), rightToLeft),
                new StreamedSheet(
                    TableSheets.Name(t["Participants"]),
                    [new(t["Name"], 32), new(t["Organisation"], 44), new(t["Function"], 22), new(t["Capacity"], 26), new(t["Status"], 16), new(t["Accessibility needs"], 30), new(t["Dietary needs"], 24), .. meetingColumns],
                    ParticipantRows(),
                    rightToLeft),
                new StreamedSheet(
                    TableSheets.Name(t["Attendance"]),
                    [new(t["Name"], 32), new(t["Organisation"], 44), .. meetingColumns, new(t["Meetings attended"], 14)],
                    AttendanceRows(),
                    rightToLeft),
                new StreamedSheet(perMeeting.Name, perMeeting.Columns, Listed(perMeeting, afterSummary: false), rightToLeft),
                new StreamedSheet(speakers.Name, speakers.Columns, Listed(speakers, afterSummary: false), rightToLeft),
                new StreamedSheet(statements.Name, statements.Columns, Listed(statements, afterSummary: false), rightToLeft),
            };

            var heading = new[]
            {
                $"{session.Symbol} · {session.Title.In(language).Text}",
                t["Attendance report of {0} meetings. Times are in the session's time zone: {1}.", meetings.Count, zone].Value,
            };
            var fileName = $"attendance-report-{FileSafe(session.Symbol)}-{language}.xlsx";
            var rowsExpected = summaryRows + organisations.Rows.Count + 2 * participantCount + perMeeting.Rows.Count + speakers.Rows.Count + statements.Rows.Count;
            return new Content(fileName, heading, tables, streamed, rowsExpected, rightToLeft);
        }

        /// <summary>
        /// The registered participants (not withdrawn, in a registered delegation) delegation by delegation in the UN
        /// order, each delegation's in its own order; read from the database for a few delegations at a time.
        /// </summary>
        private async IAsyncEnumerable<(ListedDelegation Delegation, ParticipantLine Participant)> ListedAsync(
            List<ListedDelegation> arranged, StringComparer collation, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var next = 0;
            while (next < arranged.Count)
            {
                var batch = new List<ListedDelegation>();
                var count = 0;
                while (next < arranged.Count && (batch.Count == 0 || count + arranged[next].Count <= ParticipantsPerRead))
                {
                    count += arranged[next].Count;
                    batch.Add(arranged[next++]);
                }

                var ids = batch.Select(d => d.Id).ToList();
                var participants = (await db.Participants.AsNoTracking()
                    .Where(p => ids.Contains(p.DelegationId) && p.Status != ParticipantStatus.Withdrawn)
                    .Select(p => new ParticipantLine(p.Id, p.DelegationId, p.GivenName, p.FamilyName, p.Function, p.Status))
                    .ToListAsync(cancellationToken))
                    .ToLookup(p => p.DelegationId);
                foreach (var delegation in batch)
                {
                    foreach (var participant in participants[delegation.Id].InDelegationOrder(collation))
                    {
                        yield return (delegation, participant);
                    }
                }
            }
        }

        /// <summary>Each organisation of the session's delegations: its name in <paramref name="language"/> (the original where none) and its country.</summary>
        private async Task<Dictionary<int, (string Name, string? CountryCode)>> OrganisationNamesAsync(int sessionId, string language, CancellationToken cancellationToken) =>
            (await (
                from o in db.Organisations.AsNoTracking()
                where db.Delegations.Any(d => d.SessionId == sessionId && d.OrganisationId == o.Id)
                select new
                {
                    o.Id,
                    Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                    o.CountryCode,
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => (o.Name, (string?)o.CountryCode));

        private Table Summary(List<DelegationParticipation> participation)
        {
            object?[] Figures(ParticipationFigures f) =>
                [f.DelegationsRegistered, f.DelegationsApproved, f.DelegationsAttended, f.ParticipantsRegistered, f.ParticipantsApproved, f.ParticipantsAttended, f.OralStatements, f.WrittenStatements,
                    f.ParticipantsInTheRoom, f.ParticipantsOnline];

            var rows = participation
                .GroupBy(p => (p.Capacity, p.Category))
                .Select(g => (g.Key, Figures: ParticipationFigures.Of(g)))
                .Where(g => g.Figures.DelegationsRegistered > 0)
                .OrderBy(g => g.Key.Capacity).ThenBy(g => g.Key.Category)
                .Select(g => (IReadOnlyList<object?>)[t.For(g.Key.Capacity), t.For(g.Key.Category), .. Figures(g.Figures)])
                .ToList();
            object?[] total = [t["Total"].Value, null, .. Figures(ParticipationFigures.Of(participation))];
            return new Table(
                TableSheets.Name(t["Summary"]),
                [
                    new(t["Capacity"], 28), new(t["Category"], 36), new(t["Delegations registered"], 14), new(t["Delegations approved"], 14),
                    new(t["Delegations that attended"], 14), new(t["Participants registered"], 14), new(t["Participants approved"], 14),
                    new(t["Participants who attended"], 14), new(t["Oral statements"], 12), new(t["Written statements"], 12),
                    new(t["Present in the room"], 14), new(t["Present online"], 14),
                ],
                rows,
                total);
        }

        /// <summary>The registered delegations, already in the UN order.</summary>
        private Table Organisations(string language, IEnumerable<DelegationParticipation> inOrder, Dictionary<int, (string Name, string? CountryCode)> names)
        {
            var rows = inOrder
                .Select(p => (IReadOnlyList<object?>)
                [
                    names[p.OrganisationId].Name, t.For(p.Category), names[p.OrganisationId].CountryCode is { } country ? Countries.Name(country, language) : null,
                    t.For(p.Capacity), t.For(p.Status), p.ParticipantsApproved, p.ParticipantsAttended, p.MeetingsAttended,
                    p.OralStatements, p.WrittenStatements, p.WrittenStatementsCoSponsored, p.ParticipantsInTheRoom, p.ParticipantsOnline,
                ])
                .ToList();
            return new Table(
                TableSheets.Name(t["Organisations"]),
                [
                    new(t["Name"], 48), new(t["Category"], 36), new(t["Country"], 24), new(t["Capacity"], 26), new(t["Delegation status"], 16),
                    new(t["Participants approved"], 14), new(t["Participants who attended"], 14), new(t["Meetings attended"], 14),
                    new(t["Oral statements"], 12), new(t["Written statements"], 12), new(t["Statements co-sponsored"], 14),
                    new(t["Present in the room"], 14), new(t["Present online"], 14),
                ],
                rows);
        }

        /// <summary>Each meeting: how many were marked present in the room, present online, absent and excused.</summary>
        private async Task<Table> MeetingsAsync(int sessionId, Core.Sessions.Session session, List<(int Id, int Number, DateTime StartsAt, TranslatedText? Name)> meetings, string language, CancellationToken cancellationToken)
        {
            var counts = (await db.Attendance.AsNoTracking()
                    .Where(a => db.Meetings.Any(m => m.Id == a.MeetingId && m.SessionId == sessionId))
                    .GroupBy(a => new { a.MeetingId, a.Status, a.Mode })
                    .Select(g => new { g.Key.MeetingId, g.Key.Status, g.Key.Mode, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.MeetingId);
            var rows = meetings.Select(m =>
            {
                var of = counts[m.Id].ToList();
                int Count(AttendanceStatus status, AttendanceMode? mode = null) => of.Where(c => c.Status == status && (mode is null || c.Mode == mode)).Sum(c => c.Count);
                return (IReadOnlyList<object?>)
                [
                    Core.Sessions.Meeting.Titled(t["Meeting {0}", m.Number].Value, m.Name, language), session.ToLocal(m.StartsAt),
                    Count(AttendanceStatus.Present, AttendanceMode.InPerson), Count(AttendanceStatus.Present, AttendanceMode.Online),
                    Count(AttendanceStatus.Absent), Count(AttendanceStatus.Excused),
                ];
            }).ToList();
            return new Table(
                TableSheets.Name(t["Meetings"]),
                [
                    new(t["Meeting"], 16), new(t["Starts at ({0})", session.TimeZoneId], 22), new(t["Present in the room"], 14), new(t["Present online"], 14),
                    new(t.For(AttendanceStatus.Absent), 12), new(t.For(AttendanceStatus.Excused), 12),
                ],
                rows);
        }

        private async Task<Table> SpeakersAsync(int sessionId, string language, Core.Sessions.Session session, CancellationToken cancellationToken)
        {
            var interventions = await Interventions.Query(db, sessionId, null, language).ToListAsync(cancellationToken);
            var rows = interventions.Select(i => (IReadOnlyList<object?>)
            [
                $"{i.AgendaItemNumber} {i.AgendaItemTitle.In(language).Text}", i.Delegation, t.For(i.Capacity), Interventions.KindOf(t, i.Kind, i.ReplyRound, i.GroupName), i.Speaker,
                i.CalledAt is { } calledAt ? session.ToLocal(calledAt) : null, TimeSpan.FromSeconds(i.UsedSeconds),
                i.AllowedSeconds is { } allowed ? TimeSpan.FromSeconds(allowed) : null,
            ]).ToList();
            return new Table(
                TableSheets.Name(t["Speakers"]),
                [
                    new(t["Agenda item"], 40), new(t["Delegation"], 44), new(t["Capacity"], 26), new(t["Kind"], 36), new(t["Speaker"], 30),
                    new(t["Called at ({0})", session.TimeZoneId], 22), new(t["Time used"], 12), new(t["Time allowed"], 12),
                ],
                rows);
        }

        private async Task<Table> StatementsAsync(int sessionId, string language, Core.Sessions.Session session, CancellationToken cancellationToken)
        {
            var statements = await (
                from w in db.WrittenStatements.AsNoTracking()
                where w.SessionId == sessionId
                join d in Interventions.DelegationNames(db, language) on w.DelegationId equals d.DelegationId
                orderby w.Symbol == null, w.Series, w.Number, w.SubmittedAt, w.Id
                select new { w.Id, w.Symbol, w.Title, Organisation = d.Name, w.Language, w.WordCount, w.Status, w.SubmittedAt, w.IssuedOn })
                .ToListAsync(cancellationToken);
            var coSponsors = (await (
                from c in db.StatementCoSponsors.AsNoTracking()
                where c.Answer == CoSponsorAnswer.Confirmed && db.WrittenStatements.Any(w => w.Id == c.WrittenStatementId && w.SessionId == sessionId)
                join o in db.Organisations on c.OrganisationId equals o.Id
                select new
                {
                    c.WrittenStatementId,
                    Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                })
                .ToListAsync(cancellationToken))
                .ToLookup(c => c.WrittenStatementId, c => c.Name);
            var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
            var rows = statements.Select(s => (IReadOnlyList<object?>)
            [
                s.Symbol, s.Title, s.Organisation, string.Join("; ", coSponsors[s.Id].Order(order)), Cultures.Endonym(s.Language), s.WordCount,
                t.For(s.Status), session.ToLocal(s.SubmittedAt), s.IssuedOn,
            ]).ToList();
            return new Table(
                TableSheets.Name(t["Statements"]),
                [
                    new(t["Symbol"], 22), new(t["Title"], 50), new(t["Organisation"], 44), new(t["Co-sponsors"], 50), new(t["Language"], 12),
                    new(t["Words"], 10), new(t["Status"], 18), new(t["Submitted at ({0})", session.TimeZoneId], 22), new(t["Issued on"], 14),
                ],
                rows);
        }

        private static string FileSafe(string symbol) =>
            string.Concat(symbol.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
    }

    private static void AddTable(XLWorkbook workbook, Table table, IReadOnlyList<string> heading, bool rightToLeft)
    {
        var headerRow = heading.Count == 0 ? 1 : heading.Count + 2;
        var sheet = TableSheets.Add(workbook, table.Name, table.Columns, rightToLeft, headerRow);
        var row = 0;
        foreach (var line in heading)
        {
            row++;
            SpreadsheetText.Safe(sheet.Cell(row, 1), line);
            sheet.Cell(row, 1).Style.Font.Bold = row == 1;
        }

        row = headerRow;
        foreach (var values in table.Rows)
        {
            row++;
            SetRow(sheet, row, values);
        }

        TableSheets.Finish(sheet, headerRow, row, table.Columns.Count);
        if (table.Total is { } total)
        {
            // Below the filtered rows, so that sorting and filtering leave it alone.
            row += 2;
            SetRow(sheet, row, total);
            sheet.Row(row).Style.Font.Bold = true;
        }
    }

    private static void SetRow(IXLWorksheet sheet, int row, IReadOnlyList<object?> values)
    {
        for (var c = 0; c < values.Count; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            switch (values[c])
            {
                case null:
                    break;
                case string text:
                    SpreadsheetText.Safe(cell, text);
                    break;
                case int number:
                    cell.Value = number;
                    break;
                default:
                    SpreadsheetText.Safe(cell, Convert.ToString(values[c], CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
