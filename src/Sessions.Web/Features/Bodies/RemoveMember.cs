using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Bodies;

public static class RemoveMember
{
    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>False when the body does not exist.</summary>
        public async Task<bool> HandleAsync(int bodyId, int membershipId)
        {
            var body = await db.Bodies.Include(b => b.Memberships.Where(m => m.Id == membershipId)).SingleOrDefaultAsync(b => b.Id == bodyId);
            if (body is null)
            {
                return false;
            }

            body.RemoveMember(membershipId);
            await db.SaveChangesAsync();
            return true;
        }
    }

    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int bodyId, int membershipId)
        {
            var language = Cultures.Current;
            var member = await db.BodyMemberships.AsNoTracking().Where(m => m.Id == membershipId && m.BodyId == bodyId)
                .Select(m => new
                {
                    Name = m.Organisation!.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? m.Organisation.Name,
                })
                .SingleOrDefaultAsync();
            if (member is null)
            {
                return null;
            }

            var body = await db.Bodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => b.Name).SingleAsync();
            return new Confirmation(
                t["Remove {0} from this body?", member.Name],
                [t["{0} will no longer be a member State of the {1}.", member.Name, body.In(language).Text]],
                t["Remove the member State"],
                $"/bodies/{bodyId}");
        }
    }
}
