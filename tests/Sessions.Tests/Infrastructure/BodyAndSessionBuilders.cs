using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Sessions;

namespace Sessions.Tests.Infrastructure;

/// <summary>Bodies, member States and sessions with sensible defaults, written straight to the app's database.</summary>
public static class BodyAndSessionBuilders
{
    /// <summary>A symbol prefix no other test uses, e.g. "T/3F2A1B".</summary>
    public static string UniquePrefix() => "T/" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    public static Task<int> AddBodyAsync(this SessionsAppFactory factory, BodyKind kind = BodyKind.Assembly, string? prefix = null, string name = "Test Assembly") =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var body = new Body(TranslatedText.English(name), kind, prefix ?? UniquePrefix(), Body.DefaultObserverQuota(kind));
            db.Bodies.Add(body);
            await db.SaveChangesAsync();
            return body.Id;
        });

    public static Task<int> AddOrganisationAsync(this SessionsAppFactory factory, string name, OrganisationCategory category, string? countryCode = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var organisation = new Organisation(name, Languages.English, category) { CountryCode = countryCode, CreatedAt = DateTime.UtcNow };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });

    /// <summary>A session of the body in Nairobi; <paramref name="configure"/> adds agenda items, meetings, deadlines.</summary>
    public static Task<int> AddSessionAsync(this SessionsAppFactory factory, int bodyId, DateOnly opensOn, string? title = null, bool published = true, Action<Session>? configure = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var symbol = UniquePrefix() + ".1";
            var session = new Session(bodyId, 1, symbol, TranslatedText.English(title ?? $"Session {symbol}"), TranslatedText.English("United Nations Office at Nairobi"), "Africa/Nairobi", opensOn, opensOn.AddDays(4))
            {
                IsPublished = published,
            };
            configure?.Invoke(session);
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
}
