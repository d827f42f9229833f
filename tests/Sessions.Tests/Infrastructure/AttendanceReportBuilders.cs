using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// A session with what its attendance report shows: delegations in every state (with names in Arabic, Chinese and
/// names that look like formulas), three meetings with attendance marks, interventions and written statements; and
/// the round trip of asking for the report and waiting for its background job.
/// </summary>
public static class AttendanceReportBuilders
{
    public static readonly DateTime Opening = new(2026, 5, 4, 7, 0, 0, DateTimeKind.Utc);

    public const string Morocco = "Kingdom of Morocco";
    public const string MoroccoInArabic = "المملكة المغربية";
    public const string MoroccoInChinese = "摩洛哥王国";
    public const string FormulaOrganisation = "=1+1 Coalition";
    public const string ArabicParticipant = "محمد بن عبد الله";
    public const string ChineseParticipant = "王 小明";
    public const string FormulaParticipant = "=HYPERLINK(\"http://evil.example\") Smith";

    /// <summary>
    /// What <see cref="AddReportSessionAsync"/> built, and the figures its report must show. Registered participants:
    /// Morocco 4 (approved member), Palestine 1 (approved observer State), the coalition 2 (approved NGO), the IGO 2
    /// (submitted); the draft and the withdrawn delegations are not registered. Present: two of Morocco's at meeting 1,
    /// one of them at meeting 2, Palestine's at meeting 3.
    /// </summary>
    public sealed record ReportSession(int SessionId, int MoroccoDelegationId, int CoalitionDelegationId)
    {
        public const int Meetings = 3;
        public const int ParticipantsRegistered = 9;
        public const int ParticipantsApproved = 7;
        public const int ParticipantsAttended = 3;
        public const int DelegationsRegistered = 4;
        public const int DelegationsApproved = 3;
        public const int DelegationsAttended = 2;
        public const int PresentMarks = 4;
        public const int OralStatements = 2;
        public const int WrittenStatements = 1;
        public const int Interventions = 3;
        public const int Statements = 2;
    }

    public static async Task<ReportSession> AddReportSessionAsync(this SessionsAppFactory factory)
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(Opening), configure: s =>
        {
            s.StatementDeadline = Opening.AddDays(-1);
            s.AddAgendaItem("3", "General debate");
            s.AddAgendaItem("4", "Adequate housing for all");
            for (var n = 1; n <= ReportSession.Meetings; n++)
            {
                s.AddMeeting(n, Opening.AddHours(5 * (n - 1)), Opening.AddHours(5 * (n - 1) + 3), "Plenary hall");
            }
        });

        var morocco = await AddOrganisationAsync(factory, Morocco, OrganisationCategory.MemberState, "MA", (Languages.Arabic, MoroccoInArabic), (Languages.Chinese, MoroccoInChinese));
        var palestine = await AddOrganisationAsync(factory, "State of Palestine", OrganisationCategory.ObserverState, "PS", (Languages.Arabic, "دولة فلسطين"));
        var coalition = await AddOrganisationAsync(factory, FormulaOrganisation, OrganisationCategory.NonGovernmentalOrganisation, "KE");
        var igo = await AddOrganisationAsync(factory, "African Union", OrganisationCategory.IntergovernmentalOrganisation, null);
        var draft = await AddOrganisationAsync(factory, "Draft Foundation", OrganisationCategory.Foundation, null);
        var withdrawn = await AddOrganisationAsync(factory, "Withdrawn Institute", OrganisationCategory.AcademicAndResearch, null);

        var moroccoDelegation = await factory.AddDelegationAsync(sessionId, morocco, Capacity.Member, RegistrationStatus.Approved,
        [
            DelegationBuilders.Nominee("محمد", "بن عبد الله", ParticipantFunction.HeadOfDelegation),
            DelegationBuilders.Nominee("王", "小明", ParticipantFunction.Alternate, email: DelegationBuilders.NewEmail("wang")),
            DelegationBuilders.Nominee("=HYPERLINK(\"http://evil.example\")", "Smith", email: DelegationBuilders.NewEmail("formula")),
            DelegationBuilders.Nominee("Ana", "Lopez", ParticipantFunction.Adviser),
        ]);
        var palestineDelegation = await factory.AddDelegationAsync(sessionId, palestine, Capacity.ObserverState, RegistrationStatus.Approved,
            [DelegationBuilders.Nominee("+33 Jean", "Dupont", ParticipantFunction.HeadOfDelegation, email: DelegationBuilders.NewEmail("plus"))]);
        var coalitionDelegation = await factory.AddDelegationAsync(sessionId, coalition, Capacity.Stakeholder, RegistrationStatus.Approved,
        [
            DelegationBuilders.Nominee("@admin", "Tabbed", ParticipantFunction.HeadOfDelegation, email: DelegationBuilders.NewEmail("at")),
            DelegationBuilders.Nominee("-5", "Minus", email: DelegationBuilders.NewEmail("minus")),
        ]);
        await factory.AddDelegationAsync(sessionId, igo, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted,
            [DelegationBuilders.Nominee("Amina", "Diallo"), DelegationBuilders.Nominee("Kofi", "Mensah")]);
        await factory.AddDelegationAsync(sessionId, draft, Capacity.Stakeholder, RegistrationStatus.Draft, [DelegationBuilders.Nominee("Drafted", "Person")]);
        await factory.AddDelegationAsync(sessionId, withdrawn, Capacity.Stakeholder, RegistrationStatus.Withdrawn, [DelegationBuilders.Nominee("Gone", "Person")]);

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var meetings = await db.Meetings.Where(m => m.SessionId == sessionId).OrderBy(m => m.Number).Select(m => m.Id).ToListAsync();
            var items = await db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync();
            var m = moroccoDelegation.ParticipantIds;
            void Mark(int participantId, int meeting, AttendanceStatus status) =>
                db.Attendance.Add(new AttendanceRecord(participantId, meetings[meeting - 1], status, AttendanceMethod.Roster, Opening, null));
            Mark(m[0], 1, AttendanceStatus.Present);
            Mark(m[0], 2, AttendanceStatus.Present);
            Mark(m[1], 1, AttendanceStatus.Present);
            Mark(m[1], 2, AttendanceStatus.Absent);
            Mark(m[2], 3, AttendanceStatus.Excused);
            Mark(palestineDelegation.ParticipantIds[0], 3, AttendanceStatus.Present);

            // Morocco and the coalition speak on item 3; Morocco's point of order is not an oral statement but is an intervention.
            var debate = new SpeakersList(sessionId, items[0], null, Opening.AddDays(-1));
            var moroccoStatement = debate.Inscribe(new InscriptionRequest(moroccoDelegation.Id, Capacity.Member, InscriptionKind.Statement, LevelOfRepresentation.Minister, m[0]), Opening.AddHours(-2));
            var coalitionStatement = debate.Inscribe(new InscriptionRequest(coalitionDelegation.Id, Capacity.Stakeholder, InscriptionKind.Statement, LevelOfRepresentation.Other, coalitionDelegation.ParticipantIds[0]), Opening.AddHours(-1));
            db.SpeakersLists.Add(debate);
            await db.SaveChangesAsync();
            Speak(debate, moroccoStatement.Id, Opening.AddMinutes(10), 300);
            Speak(debate, coalitionStatement.Id, Opening.AddMinutes(20), 90);
            var pointOfOrder = debate.Inscribe(new InscriptionRequest(moroccoDelegation.Id, Capacity.Member, InscriptionKind.PointOfOrder, LevelOfRepresentation.Minister, m[0]), Opening.AddMinutes(30));
            await db.SaveChangesAsync();
            Speak(debate, pointOfOrder.Id, Opening.AddMinutes(31), 20);

            // The coalition's statement, co-sponsored by Morocco, is issued; Palestine's is still under review.
            var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            var rules = StatementRules.ForSession(sessionId);
            var coalitionRecord = await db.Delegations.SingleAsync(d => d.Id == coalitionDelegation.Id);
            var joint = WrittenStatement.Submit(
                new StatementSubmission(sessionId, items[1], coalitionRecord, StatementTier.EcosocSpecial, "=SUM(A1) housing for all", Languages.English, StatementFormat.Text, null,
                    "Housing is a human right.", 5, [(morocco, StatementTier.State)], [], "builder"),
                rules, session, Opening.AddDays(-3));
            joint.Answer(morocco, true, "builder", Opening.AddDays(-3));
            joint.Issue(StatementSymbols.Series(rules.SeriesPatternFor(Capacity.Stakeholder), session.Symbol), 1, DateOnly.FromDateTime(Opening), "builder", Opening.AddDays(-2));
            var palestineRecord = await db.Delegations.SingleAsync(d => d.Id == palestineDelegation.Id);
            var pending = WrittenStatement.Submit(
                new StatementSubmission(sessionId, items[1], palestineRecord, StatementTier.State, "بيان عن السكن", Languages.Arabic, StatementFormat.Text, null,
                    "السكن حق من حقوق الإنسان", 5, [], [], "builder"),
                rules, session, Opening.AddDays(-3));
            db.WrittenStatements.AddRange(joint, pending);
            await db.SaveChangesAsync();
        });

        return new ReportSession(sessionId, moroccoDelegation.Id, coalitionDelegation.Id);
    }

    private static void Speak(SpeakersList list, int inscriptionId, DateTime at, int seconds)
    {
        list.GiveTheFloor(inscriptionId, at);
        list.StartTimer(inscriptionId, at.AddSeconds(5));
        list.FinishSpeaking(inscriptionId, at.AddSeconds(5 + seconds));
    }

    private static Task<int> AddOrganisationAsync(SessionsAppFactory factory, string name, OrganisationCategory category, string? country, params (string Language, string Name)[] translations) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var organisation = new Organisation(name, Languages.English, category) { CountryCode = country, CreatedAt = DateTime.UtcNow };
            foreach (var (language, translated) in translations)
            {
                organisation.SetTranslatedName(language, translated);
            }

            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    public static string ReportUrl(int sessionId) => $"/sessions/manage/{sessionId}/attendance-report";

    /// <summary>Asks for the report (the page's button) and waits for its run to finish; returns the progress answer at the end.</summary>
    public static async Task<JsonElement> PrepareReportAndWaitAsync(this HttpClient client, int sessionId)
    {
        var url = ReportUrl(sessionId);
        var asked = await client.PostFormAsync(url, new { }, url);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        return await client.WaitForReportAsync(sessionId);
    }

    /// <summary>Polls the progress endpoint until the run is finished (a deadline of two minutes, never a timing assert).</summary>
    public static async Task<JsonElement> WaitForReportAsync(this HttpClient client, int sessionId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var state = JsonDocument.Parse(await client.GetStringAsync(ReportUrl(sessionId) + "/progress")).RootElement;
            if (state.GetProperty("finished").GetBoolean() && state.GetProperty("status").ValueKind != JsonValueKind.Null)
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, "The report's run did not finish within two minutes.");
            await Task.Delay(100);
        }
    }

    /// <summary>Prepares the report and downloads it.</summary>
    public static async Task<MemoryStream> DownloadReportAsync(this HttpClient client, int sessionId)
    {
        var state = await client.PrepareReportAndWaitAsync(sessionId);
        Assert.Equal("Ready", state.GetProperty("status").GetString());
        var response = await client.GetAsync(state.GetProperty("downloadUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new MemoryStream(await response.Content.ReadAsByteArrayAsync());
    }
}
