using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Features.Registration.Participants;

namespace Sessions.Web.Features.Registration.Delegations;

public enum ChangeOutcome
{
    Done,
    NotFound,
    Conflict,
}

/// <summary>What every focal-point change to a delegation starts and ends with.</summary>
public static class DelegationChanges
{
    public sealed record Loaded(Delegation Delegation, Session Session, NoticeValue OrganisationName);

    /// <summary>The delegation with its participants, its session and body; null unless the user acts for its organisation.</summary>
    public static async Task<Loaded?> LoadForChangeAsync(this SessionsDbContext db, int id, string userId)
    {
        var delegation = await db.DelegationsActedForBy(userId).Include(d => d.Participants).SingleOrDefaultAsync(d => d.Id == id);
        if (delegation is null)
        {
            return null;
        }

        var session = await db.Sessions.Include(s => s.Body).SingleAsync(s => s.Id == delegation.SessionId);
        var organisationName = await ParticipantNoticesHandler.OrganisationNameAsync(db, delegation.OrganisationId);
        return new Loaded(delegation, session, organisationName);
    }

    /// <summary>
    /// Saves over the version the form was opened on. The delegation's row is always written, so two forms
    /// opened on the same version (two tabs, a double click) cannot both change it.
    /// </summary>
    public static async Task<ChangeOutcome> SaveOverAsync(this SessionsDbContext db, Delegation delegation, Guid version)
    {
        var entry = db.Entry(delegation);
        entry.Property(d => d.Version).OriginalValue = version;
        entry.Property(d => d.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync();

            // A withdrawal, an edit (consent included) or a nomination can change who the public list shows.
            ListOfParticipants.Forget(db, [delegation.SessionId]);
            return ChangeOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeOutcome.Conflict;
        }
    }
}
