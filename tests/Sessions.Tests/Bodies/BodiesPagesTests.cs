using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Bodies;

public sealed class BodiesPagesTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private Task<T> InDbAsync<T>(Func<SessionsDbContext, Task<T>> query) =>
        factory.InScopeAsync(sp => query(sp.GetRequiredService<SessionsDbContext>()));

    private static int IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Secretariat_creates_a_body_whose_observer_quota_defaults_from_its_kind()
    {
        var client = await SecretariatAsync();
        var prefix = BodyAndSessionBuilders.UniquePrefix();

        var response = await client.PostFormAsync("/bodies/new", new Dictionary<string, string> { ["Name.En"] = "Executive Board", ["Kind"] = "ExecutiveBoard", ["SymbolPrefix"] = prefix, ["ObserverQuota"] = "" });
        var id = IdFrom(response);

        var body = await InDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal(BodyKind.ExecutiveBoard, body.Kind);
        Assert.Equal(prefix, body.SymbolPrefix);
        Assert.Equal(1, body.ObserverQuotaPerOrganisation);
        var list = await client.GetStringAsync("/bodies");
        Assert.Contains(prefix, list);
    }

    [Fact]
    public async Task A_symbol_prefix_used_by_another_body_is_refused_with_what_was_typed_kept()
    {
        var client = await SecretariatAsync();
        var prefix = BodyAndSessionBuilders.UniquePrefix();
        await factory.AddBodyAsync(prefix: prefix);

        var response = await client.PostFormAsync("/bodies/new", new Dictionary<string, string> { ["Name.En"] = "A name typed by hand", ["Kind"] = "Assembly", ["SymbolPrefix"] = prefix, ["ObserverQuota"] = "3" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"The symbol prefix {prefix} is already used by another body.", html);
        Assert.Contains("value=\"A name typed by hand\"", html);
        Assert.Equal(1, await InDbAsync(db => db.Bodies.CountAsync(b => b.SymbolPrefix == prefix)));
    }

    [Fact]
    public async Task Refusals_are_shown_in_the_language_of_the_user()
    {
        var client = factory.CreateBrowser("fr");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var prefix = BodyAndSessionBuilders.UniquePrefix();
        await factory.AddBodyAsync(prefix: prefix);

        var response = await client.PostFormAsync("/bodies/new", new Dictionary<string, string> { ["Name.En"] = "Conseil", ["Kind"] = "Assembly", ["SymbolPrefix"] = prefix, ["ObserverQuota"] = "" });

        Assert.Contains($"Le préfixe {prefix} est déjà utilisé par un autre organe.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Editing_a_body_someone_else_saved_meanwhile_shows_the_concurrency_message_and_keeps_their_change()
    {
        var client = await SecretariatAsync();
        var prefix = BodyAndSessionBuilders.UniquePrefix();
        var id = await factory.AddBodyAsync(prefix: prefix);
        var version = await InDbAsync(db => db.Bodies.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());

        var first = await client.PostFormAsync($"/bodies/{id}/edit", new Dictionary<string, string> { ["Version"] = version.ToString(), ["Name.En"] = "Saved first", ["Kind"] = "Assembly", ["SymbolPrefix"] = prefix, ["ObserverQuota"] = "5" }, $"/bodies/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await client.PostFormAsync($"/bodies/{id}/edit", new Dictionary<string, string> { ["Version"] = version.ToString(), ["Name.En"] = "Saved second", ["Kind"] = "Assembly", ["SymbolPrefix"] = prefix, ["ObserverQuota"] = "2" }, $"/bodies/{id}/edit");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this record while you were editing it.", html);
        Assert.Contains("value=\"Saved first\"", html);
        var body = await InDbAsync(db => db.Bodies.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal("Saved first", body.Name.Original);
        Assert.Equal(5, body.ObserverQuotaPerOrganisation);
    }

    [Fact]
    public async Task Secretariat_seats_a_member_state_for_a_term_and_removes_it()
    {
        var client = await SecretariatAsync();
        var id = await factory.AddBodyAsync(BodyKind.ExecutiveBoard);
        var kenya = await factory.AddOrganisationAsync("Kenya", OrganisationCategory.MemberState, "KE");
        var page = await client.GetStringAsync($"/bodies/{id}");
        Assert.Contains($"<option value=\"{kenya}\">Kenya</option>", page);

        var added = await client.PostFormAsync($"/bodies/{id}/members", new Dictionary<string, string>
        {
            ["NewMember.OrganisationId"] = kenya.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewMember.TermStart"] = "2023-06-09",
            ["NewMember.TermEnd"] = "2027-06-08",
        }, $"/bodies/{id}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var membership = await InDbAsync(db => db.BodyMemberships.AsNoTracking().SingleAsync(m => m.BodyId == id));
        Assert.Equal(kenya, membership.OrganisationId);
        Assert.Equal(new DateOnly(2027, 6, 8), membership.TermEnd);

        var overlapping = await client.PostFormAsync($"/bodies/{id}/members", new Dictionary<string, string>
        {
            ["NewMember.OrganisationId"] = kenya.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewMember.TermStart"] = "2025-01-01",
        }, $"/bodies/{id}");
        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Contains("This State is already a member for part of that term.", await overlapping.Content.ReadAsStringAsync());

        var removed = await client.PostConfirmedFormAsync($"/bodies/{id}/members/{membership.Id}/remove", new { }, $"/bodies/{id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await InDbAsync(db => db.BodyMemberships.AnyAsync(m => m.BodyId == id)));
    }

    [Fact]
    public async Task An_organisation_that_is_not_a_member_state_cannot_be_seated()
    {
        var client = await SecretariatAsync();
        var id = await factory.AddBodyAsync();
        var ngo = await factory.AddOrganisationAsync("Habitat International Coalition", OrganisationCategory.NonGovernmentalOrganisation);

        var response = await client.PostFormAsync($"/bodies/{id}/members", new Dictionary<string, string>
        {
            ["NewMember.OrganisationId"] = ngo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NewMember.TermStart"] = "2023-06-09",
        }, $"/bodies/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a member State can be a member of a body.", await response.Content.ReadAsStringAsync());
        Assert.False(await InDbAsync(db => db.BodyMemberships.AnyAsync(m => m.BodyId == id)));
    }

    [Fact]
    public async Task Focal_point_cannot_open_the_bodies_pages()
    {
        var id = await factory.AddBodyAsync();
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        await client.AssertForbiddenAsync("/bodies");
        await client.AssertForbiddenAsync("/bodies/new");
        await client.AssertForbiddenAsync($"/bodies/{id}");
        await client.AssertForbiddenAsync($"/bodies/{id}/edit");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_the_bodies_pages()
    {
        var response = await factory.CreateBrowser().GetAsync("/bodies");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }
}
