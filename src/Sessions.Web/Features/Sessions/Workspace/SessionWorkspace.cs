using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Sessions.Workspace;

/// <summary>
/// The secretariat's workspace for one session: every page about the session shares its header (symbol and title)
/// and the navigation of its sections. A page enters it with <see cref="Enter"/> and the workspace layout.
/// </summary>
public static class SessionWorkspace
{
    public const string Layout = "/Features/Sessions/Workspace/_SessionWorkspace.cshtml";

    private const string SessionKey = "WorkspaceSession";
    private const string PageKey = "WorkspacePage";

    /// <summary>The pages of the workspace, each under one section of its navigation.</summary>
    public enum Page
    {
        Dashboard,
        Details,
        Edit,
        Agenda,
        Delegations,
        VisaLetters,
        SpecialRequirements,
        SpeakersLists,
        SpeakersListSettings,
        Statements,
        StatementRules,
        Documents,
        CheckIn,
        Roster,
        Notices,
        Reminders,
        AttendanceReport,
        SpeakingTime,
        ParticipantsList,
    }

    public sealed record Link(string Label, string Url, bool IsCurrent);

    /// <summary>A section of the navigation: its own link, and the pages under it when it has more than one.</summary>
    public sealed record Section(string Key, string Label, string Url, bool IsCurrent, IReadOnlyList<Link> Pages);

    public sealed record Model(int SessionId, string Symbol, TranslatedText Title, int BodyId, TranslatedText BodyName, bool IsPublished, IReadOnlyList<Section> Sections)
    {
        public Section Current => Sections.First(s => s.IsCurrent);
    }

    public static void Enter(ViewDataDictionary viewData, int sessionId, Page page)
    {
        viewData[SessionKey] = sessionId;
        viewData[PageKey] = page;
    }

    public static (int SessionId, Page Page)? Entered(ViewDataDictionary viewData) =>
        viewData[SessionKey] is int sessionId && viewData[PageKey] is Page page ? (sessionId, page) : null;

    /// <summary>The sections in the order the secretariat works through a session; labels are localiser keys.</summary>
    public static IReadOnlyList<Section> Sections(int sessionId, Page current)
    {
        var root = $"/sessions/manage/{sessionId}";
        Link L(string label, string path, params Page[] pages) => new(label, root + path, pages.Contains(current));
        Section S(string key, string label, string path, Page[] pages, params Link[] links) =>
            new(key, label, root + path, pages.Contains(current), links);

        return
        [
            S("dashboard", "Dashboard", "/dashboard", [Page.Dashboard]),
            S("details", "Details", "", [Page.Details, Page.Edit]),
            S("agenda", "Agenda and meetings", "#agenda", [Page.Agenda]),
            S("registrations", "Registrations", "/registrations", [Page.Delegations, Page.VisaLetters, Page.SpecialRequirements],
                L("Delegations", "/registrations", Page.Delegations),
                L("Visa letter requests", "/visa-letters", Page.VisaLetters),
                L("Special requirements", "/special-requirements", Page.SpecialRequirements)),
            S("speakers", "Speakers", "/speakers", [Page.SpeakersLists, Page.SpeakersListSettings]),
            S("statements", "Written statements", "/statements", [Page.Statements, Page.StatementRules],
                L("Written statements", "/statements", Page.Statements),
                L("Rules for written statements", "/statements/rules", Page.StatementRules)),
            S("documents", "Documents", "/documents", [Page.Documents]),
            S("attendance", "Attendance", "/check-in", [Page.CheckIn, Page.Roster]),
            S("notices", "Notices", "/notices", [Page.Notices]),
            S("reminders", "Reminders", "/reminders", [Page.Reminders]),
            S("reports", "Reports", "/attendance-report", [Page.AttendanceReport, Page.SpeakingTime, Page.ParticipantsList],
                L("Attendance report", "/attendance-report", Page.AttendanceReport),
                L("Speaking time", "/speaking-time", Page.SpeakingTime),
                L("Printable list of participants", "/participants/print", Page.ParticipantsList)),
        ];
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int sessionId, Page current, CancellationToken cancellationToken = default)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Symbol, s.Title, s.BodyId, BodyName = s.Body!.Name, s.IsPublished })
                .SingleOrDefaultAsync(cancellationToken);
            return session is null
                ? null
                : new Model(sessionId, session.Symbol, session.Title, session.BodyId, session.BodyName, session.IsPublished, Sections(sessionId, current));
        }
    }
}
