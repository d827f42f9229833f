using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Audit;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Audit;

/// <summary>The audit log reads in the reader's language: kinds of record, field names, enum values and yes/no, and arrows that point the way the reader reads.</summary>
public sealed partial class AuditLogLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly string _resources = Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Resources");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private static string Visible(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " "));

    private async Task<int> AddReminderAsync()
    {
        var bodyId = await factory.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2032, 3, 3), configure: s => s.NominationDeadline = new DateTime(2032, 2, 1, 12, 0, 0, DateTimeKind.Utc));
        return await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            var reminder = new Reminder(sessionId, ReminderOccasion.NominationDeadline);
            reminder.Configure(true, [TimeSpan.FromDays(7)], session, new DateTime(2032, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            db.Reminders.Add(reminder);
            await db.SaveChangesAsync();
            return reminder.Id;
        });
    }

    [Theory]
    [InlineData("en", "Reminder", "Occasion", "Before nominations close", "On", "Yes", "→")]
    [InlineData("ar", "التذكير", "المناسبة", "قبل إغلاق باب التسمية", "مفعّل", "نعم", "←")]
    [InlineData("fr", "Rappel", "Échéance", "Avant la clôture des désignations", "Activé", "Oui", "→")]
    public async Task A_recorded_change_reads_in_the_readers_language(string language, string entity, string occasionField, string occasion, string isOnField, string yes, string arrow)
    {
        var reminderId = await AddReminderAsync();
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/audit?entityType={nameof(Reminder)}&entityId={reminderId}");
        var page = Visible(html);

        Assert.Contains(entity, page);
        Assert.Matches($"<th[^>]*>{Regex.Escape(occasionField)}</th>(?:(?!</tr>).)*{Regex.Escape(occasion)}", WebUtility.HtmlDecode(html).ReplaceLineEndings(" "));
        Assert.Matches($"<th[^>]*>{Regex.Escape(isOnField)}</th>(?:(?!</tr>).)*{Regex.Escape(yes)}", WebUtility.HtmlDecode(html).ReplaceLineEndings(" "));
        foreach (var raw in new[] { nameof(Reminder.IsOn), nameof(Reminder.SessionId), nameof(ReminderOccasion.NominationDeadline), "true" })
        {
            Assert.DoesNotMatch($@"\b{raw}\b", page);
        }

        var arrows = Regex.Matches(html, "class=\"audit-arrow\">([^<]*)<").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([arrow], arrows);
    }

    [Fact]
    public async Task An_enum_recorded_by_its_number_or_by_its_name_reads_as_its_label()
    {
        var id = Random.Shared.Next(1_000_000, 2_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.AuditEntries.AddRange(
                new AuditEntry { At = DateTime.UtcNow, EntityType = "NoticeCampaign", EntityId = id, Action = "Modified", Changes = "{\"Status\":[\"Draft\",\"Queuing\"],\"Capacities\":[null,[1,5]]}" },
                new AuditEntry { At = DateTime.UtcNow, EntityType = "Session", EntityId = id, Action = "Modified", Changes = "{\"IsPublished\":[false,true],\"Title\":[\"Old\",\"New\"]}" });
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var page = Visible(await client.GetStringAsync($"/audit?entityId={id}"));

        Assert.Contains("Bulk notice", page);
        Assert.Contains("Draft", page);
        Assert.Contains("Queuing", page);
        Assert.Contains("Member of the body, Stakeholder", page);
        Assert.Contains("Published", page);
        Assert.Contains("No", page);
        Assert.Contains("Yes", page);
        Assert.Contains("Title of the session", page);
        Assert.DoesNotMatch(@"\bIsPublished\b|\bfalse\b|\[1,5\]", page);
    }

    [Fact]
    public void Every_audited_property_has_a_name_in_all_six_languages()
    {
        var strings = JsonStringLocalizer.Load(_resources);
        using var db = new SessionsDbContext(new DbContextOptionsBuilder<SessionsDbContext>().UseSqlite("Data Source=:memory:").Options);
        var keys = db.Model.GetEntityTypes()
            .Where(e => AuditInterceptor.IsAudited(e.ClrType))
            .SelectMany(e =>
            {
                var name = AuditInterceptor.EntityTypeName(e.ClrType);
                // A text in the six languages is named once ("Title"); its translations are named by their language.
                return e.GetProperties().Where(AuditInterceptor.IsRecorded).Select(p => $"Audit.Field.{name}.{p.Name}")
                    .Concat(e.GetComplexProperties().Select(c => $"Audit.Field.{name}.{c.Name}"))
                    .Prepend($"Audit.Entity.{name}");
            })
            .Distinct()
            .ToList();

        var missing = keys
            .SelectMany(k => Languages.All
                .Where(l => !strings.TryGetValue(k, out var texts) || !texts.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text))
                .Select(l => $"{l}: {k}"))
            .ToList();

        Assert.True(keys.Count > 250, "The model's audited properties were found.");
        Assert.True(missing.Count == 0, "Names missing from Resources/Audit.json:\n" + string.Join("\n", missing));
    }
}
