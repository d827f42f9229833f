using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Notices;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.E2E.Infrastructure;

/// <summary>Who visits: the demo account signed in (none for the anonymous visitor).</summary>
public sealed record SiteVisitor(string Role, string? Email);

/// <summary>
/// Every page of the site a person reads, per kind of visitor, with its ids taken from the demo data: the GET routes of
/// <c>tests/Sessions.Tests/Platform/route-statuses.txt</c> that answer 200 to that visitor. What is left out, and why,
/// is in <see cref="Skipped"/>; a route added to the site must be added here or there.
/// </summary>
public sealed class SitePages
{
    public static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>
    {
        ["/health, /hubs/speakers, /jobs"] = "not pages of the app: a probe, the SignalR hub, the Hangfire dashboard",
        ["/speakers/{listId}/live/state, /sessions/manage/{id}/attendance-report/progress, /notices/campaigns/{id}/progress, /sessions/{id}/documents/zip/progress"] = "JSON polled by a page's script",
        ["/sessions/{id}/calendar.ics, /statements/issued/{id}/download, /sessions/{id}/documents/{documentId}/{language}[/{revision}], /sessions/{id}/documents/zip/{runId}/file, /statements/{id}/file, /organisations/export, *.xlsx, */letter, */photo.jpg, /badges/{token}/qr.png, attendance-report/{runId}/download, /sessions/manage/{id}/documents/{documentId}/files/{fileId}"] = "file downloads",
        ["/account/access-denied, /error/{code}"] = "the error pages: the 404 of an unknown address is visited instead",
        ["account/* but /account and /account/change-password, for a signed-in visitor"] = "the same pages as the anonymous visitor's, visited as anonymous",
        ["/participants/confirm/{token}/*"] = "the invitation link's token is only in the email sent; the same forms are visited through /participants/{id}/*",
        ["/accreditation/{id}, /visa-letters/{id}, /organisations/import/{guid}, /statements/{id}/co-sponsor, /speakers/inscriptions/{id}/statement"] = "the demo holds no accreditation application, visa letter request, import preview, pending co-sponsorship or inscription's statement",
        ["/statements/new"] = "the demo's focal point has no delegation on a session whose statements are open",
    };

    private SitePages(IReadOnlyDictionary<string, IReadOnlyList<string>> byRole, string password, IReadOnlyList<string> data)
    {
        ByRole = byRole;
        DemoPassword = password;
        Data = data;
    }

    public static readonly SiteVisitor Anonymous = new("anonymous", null);
    public static readonly SiteVisitor FocalPoint = new("focal point", DemoAccounts.ObserverFocalPoint);
    public static readonly SiteVisitor Delegate = new("delegate", DemoAccounts.Delegate);
    public static readonly SiteVisitor Secretariat = new("secretariat", SessionsAppFactory.AdminEmail);
    public static readonly IReadOnlyList<SiteVisitor> Visitors = [Anonymous, FocalPoint, Delegate, Secretariat];

    /// <summary>The pages each visitor (by <see cref="SiteVisitor.Role"/>) can reach.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByRole { get; }

    /// <summary>The demo accounts' shared password (generated at each start).</summary>
    public string DemoPassword { get; }

    /// <summary>
    /// What the demo's people wrote, in English whatever the page's language: titles of sessions, agenda items and
    /// statements, statements' texts, names of bodies, organisations and groups.
    /// </summary>
    public IReadOnlyList<string> Data { get; }

    public string PasswordOf(SiteVisitor visitor) => visitor == Secretariat ? SessionsAppFactory.AdminPassword : DemoPassword;

    /// <summary>
    /// Over an app started with the demo data: creates the demo accounts (as Development does at start) and a draft
    /// bulk notice (the demo has none), then lists the pages.
    /// </summary>
    public static async Task<SitePages> OfDemoAsync(SessionsAppFactory factory) =>
        await factory.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DemoAccounts>().EnsureAsync();
            var password = File.ReadAllLines(Path.Combine(factory.DataDirectory, DemoAccounts.FileName))
                .Single(l => l.TrimStart().StartsWith("password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
            var db = sp.GetRequiredService<SessionsDbContext>();
            var admin = await sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(SessionsAppFactory.AdminEmail)
                ?? throw new InvalidOperationException("No secretariat account.");
            var campaign = new NoticeCampaign(NoticeKinds.FreeForm, admin.Id, DateTime.UtcNow);
            campaign.Compose(null, null, CampaignAudience.Everybody with { Recipients = CampaignRecipients.FocalPoints },
                new Dictionary<string, NoticeText> { ["en"] = new("Informal briefing", "A briefing is planned.") });
            db.NoticeCampaigns.Add(campaign);
            await db.SaveChangesAsync();

            var session = await db.Sessions.SingleAsync(s => s.Symbol == "HSP/HA.2");
            var nextSession = await db.Sessions.SingleAsync(s => s.Symbol == "HSP/HA.3");
            var sdi = await db.Organisations.SingleAsync(o => o.Acronym == "SDI");
            var delegation = await db.Delegations.SingleAsync(d => d.SessionId == session.Id && d.OrganisationId == sdi.Id);
            var thandi = await db.Participants.SingleAsync(p => p.DelegationId == delegation.Id && p.Email == DemoAccounts.Delegate);
            var list = await db.SpeakersLists.OrderBy(l => l.Id).FirstAsync(l => l.SessionId == session.Id);
            var item = await db.AgendaItems.OrderBy(a => a.Id).FirstAsync(a => a.SessionId == session.Id);
            var meeting = await db.Meetings.OrderBy(m => m.Id).FirstAsync(m => m.SessionId == session.Id);
            var issued = await db.WrittenStatements.OrderBy(w => w.Id).FirstAsync(w => w.SessionId == session.Id && w.Status == StatementStatus.Issued);
            var joint = await db.WrittenStatements.SingleAsync(w => w.SessionId == session.Id && w.OrganisationId == sdi.Id);
            var submitted = await db.WrittenStatements.OrderBy(w => w.Id).FirstOrDefaultAsync(w => w.SessionId == session.Id && w.Status != StatementStatus.Issued) ?? issued;
            var document = await db.Documents.OrderBy(d => d.Id).FirstAsync(d => d.SessionId == session.Id && d.DistributedOn != null);
            var template = await db.NoticeTemplates.OrderBy(t => t.Id).Select(t => t.Kind).FirstOrDefaultAsync() ?? NoticeKinds.FreeForm.Key;

            string[] everyone =
            [
                "/", "/sessions", $"/sessions/{session.Id}", $"/sessions/{session.Id}/participants", $"/sessions/{session.Id}/speakers",
                $"/sessions/{session.Id}/statements", $"/speakers/{list.Id}/live", $"/statements/issued/{issued.Id}", "/no-such-page",
            ];
            string[] signedIn = ["/account", "/account/change-password", "/check-in", "/speakers/mine", "/statements/mine", $"/speakers/{list.Id}/inscribe"];
            string[] participant = [$"/participants/{thandi.Id}/grounds-pass", $"/participants/{thandi.Id}/requirements", $"/participants/{thandi.Id}/visa-letter"];
            var manage = $"/sessions/manage/{session.Id}";
            var byRole = new Dictionary<string, IReadOnlyList<string>>
            {
                [Anonymous.Role] =
                [
                    .. everyone, $"/sessions/{session.Id}/documents", $"/sessions/{session.Id}/documents/{document.Id}", $"/sessions/{session.Id}/documents/zip", "/account/sign-in", "/account/register", "/account/forgot-password", "/account/reset-password",
                    "/account/resend-confirmation", "/account/confirm-email",
                ],
                [FocalPoint.Role] =
                [
                    .. everyone, .. signedIn, .. participant, "/accreditation", "/accreditation/apply", "/delegations", $"/delegations/{delegation.Id}",
                    $"/delegations/{delegation.Id}/participants/new", $"/delegations/{delegation.Id}/participants/{thandi.Id}/edit",
                    $"/badges/delegation/{delegation.Id}", $"/statements/{joint.Id}", $"/delegations/new?sessionId={nextSession.Id}&organisationId={sdi.Id}",
                ],
                [Delegate.Role] = [.. everyone, .. signedIn, .. participant, $"/badges/{thandi.BadgeToken}"],
                [Secretariat.Role] =
                [
                    .. everyone, .. signedIn, .. participant,
                    "/accreditation/queue", "/admin/focal-points", "/admin/users", "/admin/users/new", $"/admin/users/{admin.Id}", "/audit",
                    $"/badges/delegation/{delegation.Id}", $"/badges/{thandi.BadgeToken}",
                    "/bodies", "/bodies/new", $"/bodies/{session.BodyId}", $"/bodies/{session.BodyId}/edit",
                    "/notices", "/notices/campaigns", "/notices/campaigns/new", $"/notices/campaigns/{campaign.Id}", $"/notices/campaigns/{campaign.Id}/edit",
                    "/notices/templates", $"/notices/templates/{template}",
                    "/organisations", "/organisations/import", "/organisations/new", $"/organisations/{sdi.Id}", $"/organisations/{sdi.Id}/edit",
                    "/registrations/review", $"/registrations/{delegation.Id}",
                    "/sessions/manage", "/sessions/manage/new", manage, $"{manage}/edit", $"{manage}/agenda/new", $"{manage}/agenda/{item.Id}/edit",
                    $"{manage}/meetings/new", $"{manage}/meetings/{meeting.Id}/edit", $"{manage}/participants/print", $"{manage}/attendance-report",
                    $"{manage}/check-in", $"{manage}/dashboard", $"{manage}/documents", $"{manage}/documents/new", $"{manage}/documents/{document.Id}", $"{manage}/meetings/{meeting.Id}/roster", $"{manage}/reminders", $"{manage}/speakers",
                    $"{manage}/speaking-time", $"{manage}/special-requirements", $"{manage}/statements", $"{manage}/statements/rules", $"{manage}/visa-letters",
                    $"/speakers/{list.Id}/console", $"/speakers/{list.Id}/settings", $"/statements/review/{submitted.Id}", $"/statements/{joint.Id}",
                    "/statistics/participation",
                ],
            };
            List<string> data =
            [
                .. (await db.Sessions.Select(x => x.Title).ToListAsync()).SelectMany(WrittenInAnyLanguage),
                .. (await db.AgendaItems.Select(x => x.Title).ToListAsync()).SelectMany(WrittenInAnyLanguage),
                .. (await db.Meetings.Where(x => x.Name != null).Select(x => x.Name!).ToListAsync()).SelectMany(WrittenInAnyLanguage),
                .. (await db.Bodies.Select(x => x.Name).ToListAsync()).SelectMany(WrittenInAnyLanguage),
                .. (await db.Documents.Select(x => x.Title).ToListAsync()).SelectMany(WrittenInAnyLanguage),
                .. await db.WrittenStatements.Select(x => x.Title).ToListAsync(),
                .. await db.WrittenStatements.Select(x => x.Text).ToListAsync(),
                .. await db.Organisations.Select(x => x.Name).ToListAsync(),
                .. await db.OrganisationNames.Select(x => x.Name).ToListAsync(),
                .. await db.Inscriptions.Where(x => x.GroupName != null).Select(x => x.GroupName!).ToListAsync(),
            ];
            return new SitePages(byRole, password, data.Where(d => d.Length > 0).Distinct().OrderByDescending(d => d.Length).ToList());

            static IEnumerable<string> WrittenInAnyLanguage(TranslatedText text) => Languages.All.Select(text.Written).OfType<string>();
        });
}
