using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Tests.Infrastructure;

/// <summary>Online participation set straight in the database: a session's format, participants attending online, a meeting's link.</summary>
public static class OnlineParticipationBuilders
{
    public const string Link = "https://meet.example.org/j/4242?pwd=secret";

    public static Task AttendOnlineAsync(this SessionsAppFactory factory, params int[] participantIds) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            foreach (var participant in await db.Participants.Where(p => participantIds.Contains(p.Id)).ToListAsync())
            {
                participant.AttendAs(AttendanceMode.Online);
            }

            await db.SaveChangesAsync();
        });

    public static Task SetOnlineLinkAsync(this SessionsAppFactory factory, int meetingId, string? link = Link) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Meetings.SingleAsync(m => m.Id == meetingId)).SetOnlineLink(link);
            await db.SaveChangesAsync();
        });

    public static Task<int> MeetingIdAsync(this SessionsAppFactory factory, int sessionId, int number = 1) =>
        factory.WithDbAsync(db => db.Meetings.Where(m => m.SessionId == sessionId && m.Number == number).Select(m => m.Id).SingleAsync());
}
