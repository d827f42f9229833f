using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Audit;
using Sessions.Core.Data;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Audit;

public sealed class AuditLogTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task An_organisation_edit_is_recorded_with_its_old_and_new_values_and_shown_on_the_audit_page()
    {
        var organisation = await factory.CreateOrganisationAsync($"Old Name {Guid.NewGuid():N}");
        var newName = $"New Name {Guid.NewGuid():N}";
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var tracked = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            tracked.Rename(newName, "en");
            tracked.Acronym = "NN";
            await db.SaveChangesAsync();
        });

        var entry = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == "Organisation" && e.EntityId == organisation.Id.ToString() && e.Action == "Modified"));
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes)!;
        Assert.Equal(organisation.Name, changes["Name"][0].GetString());
        Assert.Equal(newName, changes["Name"][1].GetString());
        Assert.Equal(JsonValueKind.Null, changes["Acronym"][0].ValueKind);
        Assert.Equal("NN", changes["Acronym"][1].GetString());
        Assert.False(changes.ContainsKey("Version"));

        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var page = await client.GetPageTextAsync($"/audit?entityType=Organisation&entityId={organisation.Id}");
        Assert.Contains(organisation.Name, page);
        Assert.Contains(newName, page);
        Assert.Contains("Modified", page);
    }

    [Fact]
    public async Task A_change_made_through_the_app_records_who_made_it()
    {
        var client = factory.CreateBrowser("en");
        var user = await client.SignInAsAsync(factory, Roles.FocalPoint);

        var saved = await client.PostFormAsync("/account", new { FullName = "Renamed Person", PreferredLanguage = "zh" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var entry = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "User" && e.EntityId == user.Id && e.Action == "Modified" && e.Changes.Contains("Renamed Person"))
            .SingleAsync());
        Assert.Equal(user.Id, entry.UserId);
        Assert.Equal(user.Email, entry.UserName);
        Assert.Contains("\"PreferredLanguage\":[\"en\",\"zh\"]", entry.Changes);
    }

    [Fact]
    public async Task A_role_given_to_a_user_is_recorded_and_shown_by_its_name()
    {
        var organisation = await factory.CreateOrganisationAsync($"Role Change {Guid.NewGuid():N}");
        var claimant = await factory.CreateUserAsync(AccountTestData.NewEmail("role"), AccountTestData.Password, null);
        var claim = await factory.CreateClaimAsync(organisation.Id, claimant.Id);
        var client = factory.CreateBrowser("en");
        var secretariat = await client.SignInAsAsync(factory, Roles.Secretariat);
        await client.PostFormAsync($"/admin/focal-points/{claim.Id}/approve", new { }, "/admin/focal-points");

        var entries = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "IdentityUserRole" && e.EntityId.StartsWith(claimant.Id)).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("Added", entry.Action);
        Assert.Equal(secretariat.Email, entry.UserName);
        Assert.Contains(claimant.Id, entry.Changes);

        var focalPointChange = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == "FocalPoint" && e.EntityId == claim.Id.ToString() && e.Action == "Modified"));
        Assert.Contains("\"Status\":[1,2]", focalPointChange.Changes);

        var page = await client.GetPageTextAsync("/audit?entityType=IdentityUserRole");
        Assert.Contains(Roles.FocalPoint, page);
        Assert.Contains(secretariat.Email!, page);
    }

    [Fact]
    public async Task The_audit_log_filters_by_user_and_dates_newest_first()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.AuditEntries.AddRange(
                new AuditEntry { At = new DateTime(2020, 1, 1, 9, 0, 0, DateTimeKind.Utc), UserName = "first-filter@example.org", EntityType = "Body", EntityId = "1", Action = "Added", Changes = "{\"Name\":[null,\"First\"]}" },
                new AuditEntry { At = new DateTime(2020, 1, 2, 9, 0, 0, DateTimeKind.Utc), UserName = "second-filter@example.org", EntityType = "Body", EntityId = "2", Action = "Added", Changes = "{\"Name\":[null,\"Second\"]}" },
                new AuditEntry { At = new DateTime(2020, 1, 3, 9, 0, 0, DateTimeKind.Utc), UserName = "first-filter@example.org", EntityType = "Body", EntityId = "3", Action = "Added", Changes = "{\"Name\":[null,\"Third\"]}" });
            await db.SaveChangesAsync();
        });

        var byUser = await client.GetPageTextAsync("/audit?user=first-filter");
        Assert.Contains("2 results", byUser);
        Assert.True(byUser.IndexOf("Third", StringComparison.Ordinal) < byUser.IndexOf("First", StringComparison.Ordinal), "Newest first.");
        Assert.DoesNotContain("Second", byUser);

        var byDates = await client.GetPageTextAsync("/audit?from=2020-01-02&to=2020-01-02");
        Assert.Contains("1 result ", byDates);
        Assert.Contains("second-filter@example.org", byDates);
    }
}
