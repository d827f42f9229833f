using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Attendance;

/// <summary>The attendance table built by the migrations keeps one record per participant and meeting.</summary>
public sealed class AttendanceStorageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Two_doors_recording_the_same_participant_at_once_leave_one_record()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var participantId = delegation.ParticipantIds[0];

        var doors = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.Attendance.Add(new AttendanceRecord(participantId, session.MeetingId, AttendanceStatus.Present, AttendanceMethod.Scan, DateTime.UtcNow, null));
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        })));

        Assert.Single(doors, saved => saved);
        var records = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Attendance.AsNoTracking()
            .Where(a => a.ParticipantId == participantId && a.MeetingId == session.MeetingId).ToListAsync());
        Assert.Equal(AttendanceStatus.Present, Assert.Single(records).Status);
    }
}
