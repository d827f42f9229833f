using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Tests.SessionsFeature;

public sealed class DemoDataTests(DemoAppFactory factory) : IClassFixture<DemoAppFactory>
{
    private Task<T> InDbAsync<T>(Func<SessionsDbContext, Task<T>> query) =>
        factory.InScopeAsync(sp => query(sp.GetRequiredService<SessionsDbContext>()));

    [Fact]
    public async Task Starting_with_the_demo_lists_the_second_habitat_assembly_and_an_upcoming_session_to_the_public()
    {
        var html = await factory.CreateBrowser("en").GetStringAsync("/sessions");

        Assert.Contains("HSP/HA.2", html);
        Assert.Contains("Second session of the United Nations Habitat Assembly", html);
        var past = html.IndexOf("Past sessions", StringComparison.Ordinal);
        Assert.InRange(html.IndexOf("HSP/HA.3", StringComparison.Ordinal), 0, past);
        Assert.True(html.IndexOf("HSP/HA.2", StringComparison.Ordinal) > past);
        Assert.Contains("HSP/EB.2023.1", html);
        Assert.Contains("HSP/EB.2023.3", html);
    }

    [Fact]
    public async Task The_demo_bodies_and_sessions_carry_their_official_names_in_the_six_languages()
    {
        var assembly = await InDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.SymbolPrefix == "HSP/HA"));
        var session = await InDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Symbol == "HSP/HA.2"));

        Assert.Equal("جمعية الأمم المتحدة للموئل", assembly.Name.Ar);
        Assert.Equal("联合国人居大会", assembly.Name.Zh);
        Assert.Equal("Second session of the United Nations Habitat Assembly of the United Nations Human Settlements Programme", session.Title.Original);
        Assert.Empty(session.Title.MissingLanguages);
        Assert.Equal("Oficina de las Naciones Unidas en Nairobi", session.Venue.Es);
        Assert.Empty(await InDbAsync(async db => (await db.Sessions.AsNoTracking().Select(s => s.Title).ToListAsync()).Where(t => t.MissingLanguages.Any()).ToList()));
        Assert.Empty(await InDbAsync(async db => (await db.Bodies.AsNoTracking().Select(b => b.Name).ToListAsync()).Where(n => n.MissingLanguages.Any()).ToList()));

        var arabic = System.Net.WebUtility.HtmlDecode(await factory.CreateBrowser("ar").GetStringAsync($"/sessions/{session.Id}"));
        Assert.Contains("الدورة الثانية لجمعية الأمم المتحدة للموئل التابعة لبرنامج الأمم المتحدة للمستوطنات البشرية", arabic);
        Assert.Contains("مكتب الأمم المتحدة في نيروبي", arabic);
    }

    [Fact]
    public async Task The_second_assembly_has_its_agenda_and_two_plenary_meetings_a_day_in_nairobi_time()
    {
        var id = await InDbAsync(db => db.Sessions.Where(s => s.Symbol == "HSP/HA.2").Select(s => s.Id).SingleAsync());
        var response = await factory.CreateBrowser("en").GetAsync($"/sessions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Credentials of representatives.", html);
        Assert.Contains("Closure of the session.", html);
        Assert.Equal(12, await InDbAsync(db => db.AgendaItems.CountAsync(a => a.SessionId == id)));
        Assert.Equal(10, await InDbAsync(db => db.Meetings.CountAsync(m => m.SessionId == id)));
        Assert.Contains("datetime=\"2023-06-05T10:00\"", html);
        Assert.Contains("datetime=\"2023-06-09T18:00\"", html);
    }

    [Fact]
    public async Task The_demo_holds_exactly_the_193_member_states_all_members_of_the_assembly()
    {
        Assert.Equal(193, await InDbAsync(db => db.Organisations.CountAsync(o => o.Category == OrganisationCategory.MemberState)));
        var assembly = await InDbAsync(db => db.Bodies.Where(b => b.SymbolPrefix == "HSP/HA")
            .Select(b => new { b.ObserverQuotaPerOrganisation, Members = b.Memberships.Count, Demo = b.Memberships.Count(m => m.IsDemo) }).SingleAsync());
        Assert.Equal(5, assembly.ObserverQuotaPerOrganisation);
        Assert.Equal(193, assembly.Members);
        Assert.Equal(0, assembly.Demo);

        var board = await InDbAsync(db => db.Bodies.Where(b => b.SymbolPrefix == "HSP/EB")
            .Select(b => new { b.ObserverQuotaPerOrganisation, Members = b.Memberships.Count, Demo = b.Memberships.Count(m => m.IsDemo) }).SingleAsync());
        Assert.Equal(1, board.ObserverQuotaPerOrganisation);
        Assert.Equal(36, board.Members);
        Assert.Equal(36, board.Demo);

        var kenya = await InDbAsync(db => db.Organisations.Include(o => o.Names).SingleAsync(o => o.CountryCode == "KE" && o.Category == OrganisationCategory.MemberState));
        Assert.Equal("Kenya", kenya.Name);
        Assert.Equal("كينيا", kenya.DisplayName("ar"));
        Assert.Equal("肯尼亚", kenya.DisplayName("zh"));
    }

    [Fact]
    public async Task The_demo_has_organisations_of_every_category_named_in_their_own_language()
    {
        var categories = await InDbAsync(db => db.Organisations.Select(o => o.Category).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<OrganisationCategory>().Order(), categories.Order());
        Assert.True(await InDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "中国城市规划协会" && o.OriginalLanguage == "zh")));
        Assert.True(await InDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "منظمة المدن العربية" && o.OriginalLanguage == "ar")));
    }

    [Fact]
    public async Task The_executive_board_page_labels_its_demo_membership()
    {
        var id = await InDbAsync(db => db.Bodies.Where(b => b.SymbolPrefix == "HSP/EB").Select(b => b.Id).SingleAsync());
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/bodies/{id}");

        Assert.Contains(">demo</span>", html);
        Assert.Contains("Kenya", html);
    }

    [Fact]
    public async Task Every_demo_delegation_belongs_to_an_organisation_of_the_category_its_capacity_implies()
    {
        var delegations = await InDbAsync(db => (
                from d in db.Delegations
                join o in db.Organisations on d.OrganisationId equals o.Id
                join s in db.Sessions on d.SessionId equals s.Id
                select new
                {
                    d.Capacity,
                    o.Name,
                    o.Category,
                    IsMember = db.Bodies.Where(b => b.Id == s.BodyId).SelectMany(b => b.Memberships).Any(m => m.OrganisationId == o.Id),
                })
            .ToListAsync());

        Assert.NotEmpty(delegations);
        Assert.All(delegations, d => Assert.True(d.Capacity == Capacities.Derive(d.Category, d.IsMember), $"{d.Name} ({d.Category}) registered as {d.Capacity}"));
        Assert.Contains(delegations, d => d.Name == "African Union" && d.Capacity == Capacity.IntergovernmentalOrganisation);
        Assert.DoesNotContain(delegations, d => d.Name == "Australia");
    }

    [Fact]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        var before = await InDbAsync(async db => (await db.Organisations.CountAsync(), await db.Bodies.CountAsync(), await db.Sessions.CountAsync(), await db.Meetings.CountAsync()));

        await factory.InScopeAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync());

        var after = await InDbAsync(async db => (await db.Organisations.CountAsync(), await db.Bodies.CountAsync(), await db.Sessions.CountAsync(), await db.Meetings.CountAsync()));
        Assert.Equal(before, after);
    }
}
