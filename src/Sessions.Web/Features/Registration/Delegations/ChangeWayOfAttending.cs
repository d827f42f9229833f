using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// The participant, from their confirmation page, changes how they attend (in person or online) until the registration
/// deadline; a session held one way only decides it. An approved participant stays approved: how they attend is not
/// what the secretariat reviewed.
/// </summary>
public static class ChangeWayOfAttending
{
    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<ChangeOutcome> HandleAsync(string token, AttendanceMode? attendance, Guid version)
        {
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.ConfirmationToken == token);
            if (participant is null)
            {
                return ChangeOutcome.NotFound;
            }

            var session = await db.Delegations.Where(d => d.Id == participant.DelegationId)
                .Join(db.Sessions, d => d.SessionId, s => s.Id, (d, s) => new { s.RegistrationDeadline, s.Format }).SingleAsync();
            WayOfAttending.EnsureChangeable(clock.GetUtcNow().UtcDateTime, session.RegistrationDeadline);
            if (!participant.IsInTheRunning)
            {
                throw new DomainException("This participant can no longer be changed.");
            }

            participant.AttendAs(WayOfAttending.Decide(session.Format, attendance ?? throw new DomainException("Choose in person or online."), participant.Attendance));
            db.Entry(participant).Property(p => p.Version).OriginalValue = version;
            try
            {
                await db.SaveChangesAsync();
                return ChangeOutcome.Done;
            }
            catch (DbUpdateConcurrencyException)
            {
                return ChangeOutcome.Conflict;
            }
        }
    }
}
