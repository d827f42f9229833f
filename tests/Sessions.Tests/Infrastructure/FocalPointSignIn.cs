using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Tests.Infrastructure;

public static class FocalPointSignIn
{
    /// <summary>Creates a user the secretariat has approved as focal point of the organisation, and signs this client in as them.</summary>
    public static async Task<User> SignInAsFocalPointOfAsync(this HttpClient client, SessionsAppFactory factory, int organisationId, string language = "en")
    {
        var email = $"focal-point-{Guid.NewGuid():N}@test.sessions";
        const string password = "a-long-test-password";
        var user = await factory.CreateUserAsync(email, password, Roles.FocalPoint, language);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var focalPoint = new FocalPoint(organisationId, user.Id, FocalPointStatus.Pending, DateTime.UtcNow);
            focalPoint.Approve(user.Id, DateTime.UtcNow);
            db.FocalPoints.Add(focalPoint);
            await db.SaveChangesAsync();
        });
        await client.SignInAsync(email, password);
        return user;
    }
}
